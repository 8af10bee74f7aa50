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
 * One real MariaDB for every test class of a test JVM (register it as a static field with {@code @RegisterExtension}):
 * started by the first class that needs it under {@code target/mariadb/shared/}, on a free port, and stopped when
 * the JVM's tests are done. Starting a server (mariadb-install-db, then mariadbd) costs seconds of CPU; the classes
 * do not need servers of their own, because each works in databases of its own: {@link #freshDatabase()} gives a
 * test a new migrated database, named uniquely across the classes of the JVM.
 */
public final class MariaDbExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Path ROOT = Path.of("target", "mariadb").toAbsolutePath();
    /** Database names are unique across the classes sharing the server. */
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final List<HikariDataSource> pools = new ArrayList<>();
    private EmbeddedMariaDb server;

    @Override
    public void beforeAll(ExtensionContext context) {
        // the root context's store lives as long as the test run and closes what it holds at its end
        server = context.getRoot().getStore(ExtensionContext.Namespace.create(MariaDbExtension.class))
                .getOrComputeIfAbsent(SharedServer.class, key -> SharedServer.start(), SharedServer.class).server;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        pools.forEach(HikariDataSource::close);
        pools.clear();
    }

    /** The JVM's server, closed by JUnit when the root store is closed. */
    private record SharedServer(EmbeddedMariaDb server) implements ExtensionContext.Store.CloseableResource {
        static SharedServer start() {
            long startNanos = System.nanoTime();
            EmbeddedMariaDb server = EmbeddedMariaDb.start(
                    new EmbeddedMariaDb.Settings(ROOT.resolve("shared"), 0, ROOT.resolve("binaries"), false));
            System.out.printf("MariaDB started in %d ms on port %d, shared by the test classes of this JVM%n",
                    (System.nanoTime() - startNanos) / 1_000_000, server.port());
            return new SharedServer(server);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    public EmbeddedMariaDb server() {
        return server;
    }

    /** A new, empty database name on this server (created, not migrated). */
    public String freshDatabaseName() {
        String name = "test_" + DATABASES.incrementAndGet();
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
