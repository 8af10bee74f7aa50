package org.picu.tier2.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedMariaDbIT {
    private static final Path ROOT = Path.of("target", "mariadb");

    private static EmbeddedMariaDb start(String name) {
        return EmbeddedMariaDb.start(
                new EmbeddedMariaDb.Settings(ROOT.resolve(name), 0, ROOT.resolve("binaries"), false));
    }

    @Test
    void starts_on_a_free_port_with_files_under_its_base_dir_utf8mb4_and_utc() throws SQLException {
        try (EmbeddedMariaDb db = start("EmbeddedMariaDbIT-defaults")) {
            assertTrue(db.port() > 0);
            assertTrue(Files.exists(db.baseDir().resolve("mariadb.sock")), "socket under the base dir, not /tmp");
            assertTrue(Files.isDirectory(db.baseDir().resolve("data").resolve("mysql")));
            db.dropDatabase("picu");
            db.createDatabase("picu");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl("picu"), EmbeddedMariaDb.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT VERSION(), @@global.time_zone, "
                            + "@@character_set_database, @@collation_database")) {
                row.next();
                assertTrue(row.getString(1).startsWith("10.11"), row.getString(1));
                assertEquals("+00:00", row.getString(2));
                assertEquals("utf8mb4", row.getString(3));
                assertEquals("utf8mb4_unicode_ci", row.getString(4));
            }
            // names become identifiers in DDL, so anything but a plain name is refused
            assertThrows(IllegalArgumentException.class, () -> db.createDatabase("x`; DROP DATABASE mysql; --"));
            assertThrows(IllegalArgumentException.class, () -> db.jdbcUrl("a/b"));
        }
    }

    @Test
    void keeps_its_data_across_a_restart_without_reinstalling() throws SQLException {
        String name = "EmbeddedMariaDbIT-restart";
        try (EmbeddedMariaDb db = start(name)) {
            db.dropDatabase("kept");
            db.createDatabase("kept");
            execute(db, "CREATE TABLE kept.t (v VARCHAR(10))", "INSERT INTO kept.t VALUES ('still here')");
        }
        long startNanos = System.nanoTime();
        try (EmbeddedMariaDb db = start(name)) {
            System.out.printf("[EmbeddedMariaDbIT] restart with an installed data dir took %d ms%n",
                    (System.nanoTime() - startNanos) / 1_000_000);
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl("kept"), EmbeddedMariaDb.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT v FROM t")) {
                row.next();
                assertEquals("still here", row.getString(1));
            }
        }
    }

    private static void execute(EmbeddedMariaDb db, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("kept"), EmbeddedMariaDb.USER, "");
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
