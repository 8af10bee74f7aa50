package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Everything tier-2 needs, parsed once from YAML by {@link Tier2ConfigParser} and validated before anything starts.
 * {@link #toString()} is safe to log: the password is a {@link Secret}.
 */
public record Tier2Config(DatabaseConfig database, HdfsConfig hdfs, HttpConfig http, LoadConfig load, ApiConfig api) {
    public Tier2Config {
        requireNonNull(database, "database is null");
        requireNonNull(hdfs, "hdfs is null");
        requireNonNull(http, "http is null");
        requireNonNull(load, "load is null");
        requireNonNull(api, "api is null");
    }

    /** With {@link ApiConfig#defaults()}: no token (state changes refused), no CORS, the default alerts. */
    public Tier2Config(DatabaseConfig database, HdfsConfig hdfs, HttpConfig http, LoadConfig load) {
        this(database, hdfs, http, load, ApiConfig.defaults());
    }

    /** The same settings with other {@code api.*} settings (tests and the demo). */
    public Tier2Config withApi(ApiConfig newApi) {
        return new Tier2Config(database, hdfs, http, load, newApi);
    }

    /**
     * Reads a YAML file; {@code PICU_DB_PASSWORD} from the environment supplies the password.
     *
     * @throws ConfigException listing every problem in the file
     */
    public static Tier2Config load(Path file) {
        return Tier2ConfigParser.parse(file, System.getenv());
    }

    /**
     * The local demo's setup: an embedded MariaDB under {@code embeddedBaseDir} on a free port, partitions read from
     * the local file system below {@code hdfsRoot}, the API on a free loopback port.
     */
    public static Tier2Config localDemo(Path embeddedBaseDir, String hdfsRoot) {
        return new Tier2Config(
                DatabaseConfig.embedded(
                        EmbeddedDatabaseConfig.at(embeddedBaseDir, 0), DatabaseConfig.DEFAULT_POOL_SIZE),
                HdfsConfig.local(hdfsRoot),
                HttpConfig.loopbackAnyPort(),
                LoadConfig.defaults());
    }
}
