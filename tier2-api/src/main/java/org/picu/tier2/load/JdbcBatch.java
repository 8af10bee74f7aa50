package org.picu.tier2.load;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Adds rows to a prepared statement's batch and sends the batch every {@code batchSize} rows. */
final class JdbcBatch {
    private final PreparedStatement statement;
    private final int batchSize;
    private int pending;
    private long rows;

    JdbcBatch(PreparedStatement statement, int batchSize) {
        this.statement = statement;
        this.batchSize = batchSize;
    }

    /** Call after binding the parameters of one row. */
    void add() throws SQLException {
        statement.addBatch();
        pending++;
        rows++;
        if (pending == batchSize) {
            flush();
        }
    }

    /** Sends what is left; returns the rows added in total. */
    long finish() throws SQLException {
        flush();
        return rows;
    }

    private void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }
}
