package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.layout.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DatasetLoader} for a table with a natural unique key. It streams the partition's records into a
 * {@link StagingTable} in chunks of {@code batchSize} rows (read and encoded by {@link StagingChunks} on a thread of
 * their own while the previous chunk is stored), upserts them into the table by that key in one statement
 * (tagged with the partition date and run id), then deletes the rows an older run of the same day had and this run
 * no longer has. A subclass names its columns and writes one record's values in that order.
 *
 * <p>Table and column names come from subclass constants, never from input, so building SQL text from them is safe;
 * values travel as {@code LOAD DATA} text or bound parameters.
 */
abstract class TableLoader implements DatasetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(TableLoader.class);
    private final Dataset dataset;
    private final Schema readSchema;
    private final String table;
    private final List<String> columns;
    private final List<String> keyColumns;

    /**
     * @param columns the columns a record fills, in the order {@link #write} writes them
     * @param keyColumns the natural key among them: not rewritten on a duplicate
     */
    TableLoader(Dataset dataset, Schema readSchema, String table, List<String> columns, List<String> keyColumns) {
        this.dataset = requireNonNull(dataset, "dataset is null");
        this.readSchema = requireNonNull(readSchema, "readSchema is null");
        this.table = requireNonNull(table, "table is null");
        this.columns = List.copyOf(columns);
        this.keyColumns = List.copyOf(keyColumns);
        if (keyColumns.isEmpty() || !columns.containsAll(keyColumns)) {
            throw new IllegalArgumentException("key columns " + keyColumns + " must be among " + columns);
        }
    }

    @Override
    public final Dataset dataset() {
        return dataset;
    }

    /** Appends one record's values, one per column in constructor order; the caller ends the row. */
    abstract void write(TsvRow row, GenericRecord record);

    /**
     * True when the table's primary key is the natural key and nothing refers to its rows by another id, so a
     * duplicate may be replaced as a whole row: the rows then go straight into the table instead of through a
     * staging table.
     */
    boolean replacesWholeRows() {
        return false;
    }

    @Override
    public final long load(Connection connection, PartitionData data, int batchSize) throws IOException, SQLException {
        long startNanos = System.nanoTime();
        StagingTable staging = new StagingTable(table, columns);
        boolean direct = replacesWholeRows();
        if (direct) {
            staging.prepareReplacing(connection, data);
        } else {
            staging.create(connection);
        }
        String source = data.toString();
        long rows;
        try (StagingChunks chunks = StagingChunks.start(data, readSchema, this::write, batchSize)) {
            for (StagingChunks.Chunk chunk = chunks.next(); chunk != null; chunk = chunks.next()) {
                if (direct) {
                    staging.replaceInto(connection, chunk, source);
                } else {
                    staging.append(connection, chunk, source);
                }
            }
            rows = chunks.rowsRead();
        }
        long stagedNanos = System.nanoTime();
        if (!direct) {
            staging.upsertInto(connection, keyColumns, data);
        }
        long mergedNanos = System.nanoTime();
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + table + " WHERE partition_date = ? AND load_run_id <> ?")) {
            delete.setObject(1, data.date().day());
            delete.setString(2, data.runId());
            delete.executeUpdate();
        }
        LOG.debug("{}: {} rows staged in {} ms, merged into {} in {} ms, older runs' rows deleted in {} ms", source,
                rows, (stagedNanos - startNanos) / 1_000_000, table, (mergedNanos - stagedNanos) / 1_000_000,
                (System.nanoTime() - mergedNanos) / 1_000_000);
        return rows;
    }
}
