package org.picu.tier2.load;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The staging half of a partition load: a session-private temporary table shaped like the target's value columns,
 * filled with {@code LOAD DATA LOCAL INFILE} streams (the fastest way into MariaDB), then upserted into the target
 * with one {@code INSERT ... SELECT ... ON DUPLICATE KEY UPDATE} inside the partition's transaction. Creating and
 * dropping a TEMPORARY table does not commit that transaction, and a killed session takes the table with it.
 *
 * <p>{@code LOAD DATA LOCAL} turns conversion errors (a value too long, a bad number) into warnings and carries on;
 * every chunk is therefore followed by a warning check that fails the partition, so nothing is silently truncated.
 */
final class StagingTable {
    static final String NAME = "picu_stage";

    private final String table;
    private final List<String> columns;
    private final String loadData;
    private final String loadReplacing;

    StagingTable(String table, List<String> columns) {
        this.table = table;
        this.columns = List.copyOf(columns);
        String format =
                " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                        + columnList() + ")";
        this.loadData = "LOAD DATA LOCAL INFILE 'partition.tsv' INTO TABLE " + NAME + format;
        this.loadReplacing = "LOAD DATA LOCAL INFILE 'partition.tsv' REPLACE INTO TABLE " + table + format
                + " SET partition_date = @picu_partition_date, load_run_id = @picu_load_run_id";
    }

    /** Creates the empty staging table (replacing one a failed load of this session left). */
    void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TEMPORARY TABLE IF EXISTS " + NAME);
            // the value columns with the target's exact types, none of its keys; stage_seq keeps the file order
            statement.execute("CREATE TEMPORARY TABLE " + NAME
                    + " (stage_seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY) ENGINE = InnoDB"
                    + " SELECT " + columnList() + " FROM " + table + " WHERE FALSE");
        }
    }

    /**
     * Streams one chunk of rows into the staging table.
     *
     * @throws LoadException naming {@code source} if MariaDB had to change any value to store it
     */
    void append(Connection connection, StagingChunks.Chunk rows, String source) throws SQLException {
        stream(connection, rows, source, loadData, false);
    }

    /**
     * Upserts every staged row into the target, later rows winning over earlier ones with the same key, tagged with
     * the partition's date and run, then drops the staging table. (Sorting the rows by the target's primary key first
     * was measured: the sort costs what the tidier inserts save.)
     */
    void upsertInto(Connection connection, List<String> keyColumns, PartitionData data) throws SQLException {
        String updates = columns.stream().filter(c -> !keyColumns.contains(c))
                .map(c -> quote(c) + " = VALUES(" + quote(c) + ")")
                .collect(Collectors.joining(", "));
        String sql = "INSERT INTO " + table + " (" + columnList() + ", partition_date, load_run_id)"
                + " SELECT " + columnList() + ", ?, ? FROM " + NAME + " ORDER BY stage_seq"
                + " ON DUPLICATE KEY UPDATE " + updates + ", partition_date = VALUES(partition_date),"
                + " load_run_id = VALUES(load_run_id)";
        try (PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setObject(1, data.date().day());
            upsert.setString(2, data.runId());
            upsert.executeLargeUpdate();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TEMPORARY TABLE " + NAME);
        }
    }

    /**
     * The path for a target whose primary key is its natural key and whose rows nothing refers to by another id:
     * the rows go straight into the target with {@code LOAD DATA ... REPLACE}, in file order, so a later row with
     * the same key replaces an earlier one exactly as the staged upsert would, without writing every row twice.
     * Still inside the partition's transaction: a failure or a kill leaves nothing.
     */
    void prepareReplacing(Connection connection, PartitionData data) throws SQLException {
        try (PreparedStatement variables = connection.prepareStatement(
                "SET @picu_partition_date = ?, @picu_load_run_id = ?")) {
            variables.setObject(1, data.date().day());
            variables.setString(2, data.runId());
            variables.execute();
        }
    }

    /**
     * Streams one chunk straight into the target (after {@link #prepareReplacing}).
     *
     * @throws LoadException naming {@code source} if MariaDB had to change any value to store it
     */
    void replaceInto(Connection connection, StagingChunks.Chunk rows, String source) throws SQLException {
        stream(connection, rows, source, loadReplacing, true);
    }

    /**
     * Runs one {@code LOAD DATA} over the chunk's bytes and refuses the partition if MariaDB changed any value.
     * Affected rows are one per stored row, and two per replaced one when {@code replacing}.
     */
    private static void stream(Connection connection, StagingChunks.Chunk rows, String source, String sql,
                               boolean replacing) throws SQLException {
        if (rows.rows() == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(
                    new ByteArrayInputStream(rows.content()));
            long affected = statement.executeLargeUpdate(sql);
            List<String> warnings = warnings(statement);
            boolean allStored = replacing ? affected >= rows.rows() : affected == rows.rows();
            if (!warnings.isEmpty() || !allStored) {
                throw new LoadException(source, "MariaDB could not store " + rows.rows() + " rows unchanged ("
                        + affected + " affected, values altered): " + String.join("; ", warnings));
            }
        }
    }
    private static List<String> warnings(Statement statement) throws SQLException {
        List<String> warnings = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("SHOW WARNINGS LIMIT 3")) {
            while (rows.next()) {
                warnings.add(rows.getString("Level") + " " + rows.getInt("Code") + ": " + rows.getString("Message"));
            }
        }
        return warnings;
    }

    private String columnList() {
        return columns.stream().map(StagingTable::quote).collect(Collectors.joining(", "));
    }

    private static String quote(String column) {
        return "`" + column + "`";
    }
}
