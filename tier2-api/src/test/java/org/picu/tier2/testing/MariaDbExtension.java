package org.picu.tier2.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.picu.tier2.config.Secret;
import org.picu.tier2.db.DataSources;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.db.EmbeddedMariaDb;

/**
 * Starts one real MariaDB per test class (register it as a static field with {@code @RegisterExtension}) under
 * {@code target/mariadb/<TestClass>/}, on a free port. The unpacked server binaries are shared by all classes.
 * {@link #freshDatabase()} gives a test its own migrated database.
 */
public final class MariaDbExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Path ROOT = Path.of("target", "mariadb").toAbsolutePath();

    private final AtomicInteger databases = new AtomicInteger();
    private final List<HikariDataSource> pools = new ArrayList<>();
    private EmbeddedMariaDb server;

    @Override
    public void beforeAll(ExtensionContext context) {
        String name = context.getRequiredTestClass().getSimpleName();
        long startNanos = System.nanoTime();
        server = EmbeddedMariaDb.start(
                new EmbeddedMariaDb.Settings(ROOT.resolve(name), 0, ROOT.resolve("binaries"), false));
        System.out.printf(
                "[%s] MariaDB started in %d ms on port %d%n",
                name, (System.nanoTime() - startNanos) / 1_000_000, server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pools.forEach(HikariDataSource::close);
        pools.clear();
        if (server != null) {
            server.close();
        }
    }

    public EmbeddedMariaDb server() {
        return server;
    }

    /** A new, empty database name on this server (created, not migrated). */
    public String freshDatabaseName() {
        String name = "test_" + databases.incrementAndGet();
        server.dropDatabase(name); // left over from an earlier build that reused this data directory
        server.createDatabase(name);
        return name;
    }

    /** A new database with all migrations applied, and a pool on it that is closed after the class. */
    public HikariDataSource freshDatabase() {
        HikariDataSource pool = pool(freshDatabaseName());
        DatabaseMigrations.migrate(pool);
        return pool;
    }

    /** A pool on an existing database, closed after the class. */
    public HikariDataSource pool(String database) {
        HikariDataSource pool = DataSources.pool(server.jdbcUrl(database), EmbeddedMariaDb.USER, Secret.EMPTY, 4);
        pools.add(pool);
        return pool;
    }
}
