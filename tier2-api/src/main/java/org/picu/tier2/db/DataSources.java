package org.picu.tier2.db;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.picu.tier2.config.Secret;

/** Builds the connection pool shared by the loader and the API. */
public final class DataSources {
    // Long enough for a busy pool, short enough that /health answers while the database is away.
    private static final long CONNECTION_TIMEOUT_MS = 3_000;

    private DataSources() {
    }

    /**
     * A HikariCP pool whose sessions run in UTC, so that {@code NOW()} and any server-side time conversion agree
     * with the UTC values the loader writes, whatever the server's or the JVM's default zone is.
     * Fails fast if the database cannot be reached.
     */
    public static HikariDataSource pool(String jdbcUrl, String user, Secret password, int poolSize) {
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        HikariConfig config = new HikariConfig();
        config.setPoolName("tier2");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password.value());
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(Math.min(2, poolSize));
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        config.addDataSourceProperty("connectionTimeZone", "UTC");
        config.addDataSourceProperty("forceConnectionTimeZoneToSession", "true");
        return new HikariDataSource(config);
    }
}
