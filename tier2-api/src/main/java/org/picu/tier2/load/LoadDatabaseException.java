package org.picu.tier2.load;

import java.sql.SQLException;

/** The loader could not use its database session (connect, take or release the load lock); nothing was loaded by it. */
public final class LoadDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LoadDatabaseException(String what, SQLException cause) {
        super("cannot " + what + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")", cause);
    }
}
