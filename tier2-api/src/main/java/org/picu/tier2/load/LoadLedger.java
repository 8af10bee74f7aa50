package org.picu.tier2.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;

/** The {@code load_ledger} table: which partition runs are in the database already. */
final class LoadLedger {
    private static final int DUPLICATE_KEY = 1062;

    private LoadLedger() {
    }

    static boolean contains(Connection connection, Dataset dataset, PartitionDate date, String runId)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM load_ledger WHERE dataset = ? AND partition_date = ? AND run_id = ?")) {
            query.setString(1, dataset.dirName());
            query.setObject(2, date.day());
            query.setString(3, runId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /**
     * Records a partition run inside the caller's transaction. Done before the rows are written, so that a second
     * loader working on the same run waits here for the first to commit and then backs off.
     *
     * @return false if the run is recorded already
     */
    static boolean record(Connection connection, Dataset dataset, PartitionDate date, String runId, long rowCount,
            Instant loadedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO load_ledger (dataset, partition_date, run_id, row_count, loaded_at) VALUES (?, ?, ?,"
                        + " ?, ?)")) {
            insert.setString(1, dataset.dirName());
            insert.setObject(2, date.day());
            insert.setString(3, runId);
            insert.setLong(4, rowCount);
            insert.setObject(5, LocalDateTime.ofInstant(loadedAt, ZoneOffset.UTC));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
