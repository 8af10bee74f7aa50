package org.picu.tier2.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The database-wide "one loader at a time" lock: a MariaDB named lock held by the loader's session. It covers a
 * {@code tier2 load} from cron and the interval loader inside {@code tier2 serve} alike, on any host, and the server
 * releases it by itself when the holder's connection ends, so a killed loader never leaves it stuck.
 */
final class LoadLock {
    static final String NAME = "picu.tier2.load";

    private LoadLock() {
    }

    /** Takes the lock without waiting; false if another session holds it. */
    static boolean tryAcquire(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
            statement.setString(1, NAME);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1) == 1;
            }
        }
    }

    static void release(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
            statement.setString(1, NAME);
            statement.executeQuery().close();
        }
    }
}
