package org.picu.tier2.db;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Brings the schema up to date with the versioned SQL scripts in {@code src/main/resources/db/migration}. */
public final class DatabaseMigrations {
    static final String LOCATION = "classpath:db/migration";

    private DatabaseMigrations() {
    }

    /**
     * Applies every migration the database has not seen yet; running it again is a no-op.
     *
     * @return how many migrations were applied now
     */
    public static int migrate(DataSource dataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .failOnMissingLocations(true)
                .load();
        MigrateResult result = flyway.migrate();
        return result.migrationsExecuted;
    }
}
