package org.picu.tier2;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.HdfsLayout;
import org.picu.tier2.api.ApiRoutes;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.config.DatabaseConfig;
import org.picu.tier2.config.EmbeddedDatabaseConfig;
import org.picu.tier2.config.Tier2Config;
import org.picu.tier2.db.DataSources;
import org.picu.tier2.db.DatabaseMigrations;
import org.picu.tier2.db.EmbeddedMariaDb;
import org.picu.tier2.load.DatasetLoader;
import org.picu.tier2.load.HadoopFileSystems;
import org.picu.tier2.load.IntervalLoader;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.load.DatasetLoaders;
import org.picu.tier2.load.PartitionLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tier-2 as a library, for the command line, the local demo and end-to-end tests:
 * {@link #open} starts the embedded database if configured, connects and migrates; then {@link #load()} loads
 * new partitions and {@link #startApi()} serves HTTP without blocking. {@link #close()} stops everything it started.
 */
public final class Tier2Service implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Tier2Service.class);
    /** The datasets loaded, in order; a new dataset adds its loader here. */
    private static final List<DatasetLoader> LOADERS = DatasetLoaders.all();

    private final Tier2Config config;
    private final Configuration hadoopConf;
    private final EmbeddedMariaDb embedded;
    private final HikariDataSource dataSource;
    private final String jdbcUrl;
    private volatile ApiServer api;
    private IntervalLoader intervalLoader;

    private Tier2Service(Tier2Config config, Configuration hadoopConf, EmbeddedMariaDb embedded,
            HikariDataSource dataSource, String jdbcUrl) {
        this.config = config;
        this.hadoopConf = hadoopConf;
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbcUrl = jdbcUrl;
    }

    /** {@link #open(Tier2Config, Configuration)} with Hadoop's default configuration. */
    public static Tier2Service open(Tier2Config config) {
        return open(config, new Configuration());
    }

    /**
     * Starts the embedded MariaDB if {@code database.embedded.enabled}, opens the pool and applies migrations.
     *
     * @param hadoopConf base Hadoop settings for reading partitions (e.g. {@code hadoop.tmp.dir})
     */
    public static Tier2Service open(Tier2Config config, Configuration hadoopConf) {
        requireNonNull(config, "config is null");
        requireNonNull(hadoopConf, "hadoopConf is null");
        LOG.info("tier2 {} starting with {}", Tier2Version.current(), config);
        DatabaseConfig database = config.database();
        EmbeddedMariaDb embedded = database.embedded().enabled() ? startEmbedded(database.embedded()) : null;
        HikariDataSource dataSource = null;
        try {
            String url = embedded != null
                    ? embedded.jdbcUrl(DatabaseConfig.EMBEDDED_DATABASE)
                    : database.url().orElseThrow();
            dataSource = DataSources.pool(url, database.user(), database.password(), database.poolSize());
            int applied = DatabaseMigrations.migrate(dataSource);
            LOG.info("database schema up to date ({} migrations applied now)", applied);
            return new Tier2Service(config, hadoopConf, embedded, dataSource, url);
        } catch (RuntimeException e) {
            closeQuietly(dataSource, embedded, e);
            throw e;
        }
    }

    private static EmbeddedMariaDb startEmbedded(EmbeddedDatabaseConfig settings) {
        Path baseDir = settings.baseDir().orElseThrow();
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedMariaDb.Settings(baseDir, settings.port(),
                baseDir.resolve("binaries"), settings.preferSystemBinaries(), settings.serverOptions()));
        try {
            db.createDatabase(DatabaseConfig.EMBEDDED_DATABASE);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * Loads every published partition not loaded before (see {@link PartitionLoader}), every dataset in
     * {@link DatasetLoaders#all()} order.
     *
     * @throws IOException if the file system cannot be reached or listed
     * @throws org.picu.tier2.load.LoaderBusyException if another loader (any process) is loading right now
     */
    public LoadReport load() throws IOException {
        try (FileSystem fs = HadoopFileSystems.open(config.hdfs(), hadoopConf)) {
            PartitionLoader loader = new PartitionLoader(dataSource, fs, config.hdfs().layout(),
                    config.load().batchSize());
            try {
                LoadReport report = loader.loadNew(LOADERS);
                LOG.info("load finished: {}", report.summary());
                return report;
            } finally {
                dataChanged(); // also after a failure: partitions loaded before it are committed
            }
        }
    }

    // not synchronized: close() holds the monitor while it waits for an interval load to end, and that load calls this
    private void dataChanged() {
        ApiServer running = api;
        if (running != null) {
            running.dataChanged(); // the API's cached answers are out of date at once, not after its next ledger check
        }
    }

    /**
     * Starts the HTTP API on {@code http.bind:http.port} and returns at once; {@link #close()} stops it.
     *
     * @throws IOException if the port cannot be bound
     * @throws IllegalStateException if the API is running already
     */
    public synchronized ApiServer startApi() throws IOException {
        if (api != null) {
            throw new IllegalStateException("the API is running already on " + api.baseUrl());
        }
        // the API loads through this service (POST /api/insights/generate) and reads HDFS for /api/pipeline/status
        api = ApiServer.start(config.http(), ApiRoutes.standard(new org.picu.tier2.api.ApiContext(dataSource,
                Tier2Version.current(), config.api(), java.util.Optional.of(this::load),
                java.util.Optional.of(() -> HadoopFileSystems.open(config.hdfs(), hadoopConf)), config.hdfs().layout(),
                java.time.Clock.systemUTC())));
        return api;
    }

    /**
     * Loads new partitions now and every {@code load.interval} in the background until {@link #close()}; does nothing
     * when no interval is configured.
     *
     * @return whether interval loading was started
     * @throws IllegalStateException if it is running already
     */
    public synchronized boolean startIntervalLoading() {
        if (intervalLoader != null) {
            throw new IllegalStateException("interval loading is running already");
        }
        if (config.load().interval().isEmpty()) {
            return false;
        }
        intervalLoader = IntervalLoader.start(this::load, config.load().interval().get());
        return true;
    }

    /** {@code load.interval}, if interval loading is configured. */
    public java.util.Optional<java.time.Duration> loadInterval() {
        return config.load().interval();
    }

    /** The pool the loader and the API use. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL in use; for the embedded server it includes the port it picked. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Stops interval loading, the API, the pool and the embedded server, in that order. */
    @Override
    public synchronized void close() {
        if (intervalLoader != null) {
            intervalLoader.close(); // before the pool goes: a round in progress finishes its partition first
            intervalLoader = null;
        }
        if (api != null) {
            api.close();
            api = null;
        }
        closeQuietly(dataSource, embedded, null);
    }

    private static void closeQuietly(HikariDataSource dataSource, EmbeddedMariaDb embedded, RuntimeException failure) {
        try {
            if (dataSource != null) {
                dataSource.close();
            }
        } finally {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (RuntimeException e) {
                    if (failure != null) {
                        failure.addSuppressed(e);
                    } else {
                        throw e;
                    }
                }
            }
        }
    }
}
