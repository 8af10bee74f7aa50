package org.picu.tier2.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.picu.config.ConfigReader;

/**
 * Turns a tier-2 YAML file into a {@link Tier2Config}. Every problem (unknown key, wrong type, value out of range,
 * missing or conflicting key) is collected and reported together in one {@link ConfigException}.
 *
 * <p>Relative paths are resolved against the directory of the config file, so a config works from any working
 * directory. The password may instead come from the environment variable {@value #PASSWORD_ENV}, which wins.
 */
public final class Tier2ConfigParser {
    public static final String PASSWORD_ENV = "PICU_DB_PASSWORD";

    private static final Set<String> TOP_KEYS = Set.of("database", "hdfs", "http", "load", "api");
    private static final Set<String> DATABASE_KEYS = Set.of("url", "user", "password", "pool-size", "embedded");
    private static final Set<String> EMBEDDED_KEYS = Set.of("enabled", "base-dir", "port", "system-binaries",
            "server-options");
    private static final Set<String> HDFS_KEYS = Set.of("uri", "root", "conf-dir");
    private static final Set<String> HTTP_KEYS = Set.of("bind", "port", "threads");
    private static final Set<String> LOAD_KEYS = Set.of("batch-size", "interval");

    private final ConfigReader reader;
    private final Map<String, String> env;

    private Tier2ConfigParser(ConfigReader reader, Map<String, String> env) {
        this.reader = reader;
        this.env = env;
    }

    /**
     * Parses a config file.
     *
     * @param env the process environment (a map, so that tests can pass their own)
     * @throws ConfigException if the file cannot be read or has any problem
     */
    public static Tier2Config parse(Path file, Map<String, String> env) {
        return parse(ConfigReader.read(file, "pass an existing YAML file with --config (see tier2-example.yml)"),
                file.toString(), env);
    }

    /**
     * Parses YAML text.
     *
     * @param source what to call the text in error messages, normally the file name
     * @param baseDir directory that relative paths are resolved against
     */
    public static Tier2Config parse(String yaml, String source, Path baseDir, Map<String, String> env) {
        return parse(ConfigReader.parse(yaml, baseDir), source, env);
    }

    private static Tier2Config parse(ConfigReader reader, String source, Map<String, String> env) {
        if (!reader.readable()) {
            throw new ConfigException(source, reader.problems());
        }
        Tier2Config config = new Tier2ConfigParser(reader, env).read(reader.root(TOP_KEYS));
        if (!reader.problems().isEmpty()) {
            throw new ConfigException(source, reader.problems());
        }
        return config;
    }

    private Tier2Config read(JsonNode root) {
        DatabaseConfig database = readDatabase(reader.section(root, "database", "database", DATABASE_KEYS));
        HdfsConfig hdfs = readHdfs(reader.section(root, "hdfs", "hdfs", HDFS_KEYS));
        HttpConfig http = readHttp(reader.section(root, "http", "http", HTTP_KEYS));
        LoadConfig load = readLoad(reader.section(root, "load", "load", LOAD_KEYS));
        ApiConfig api = new ApiConfigParser(reader, env).read(reader.section(root, "api", "api", ApiConfigParser.KEYS));
        return reader.problems().isEmpty() ? new Tier2Config(database, hdfs, http, load, api) : null;
    }

    private LoadConfig readLoad(JsonNode node) {
        int batchSize = reader.integer(node, "batch-size", "load.batch-size", LoadConfig.DEFAULT_BATCH_SIZE, 1,
                LoadConfig.MAX_BATCH_SIZE);
        Optional<Duration> interval = reader.string(node, "interval", "load.interval").flatMap(this::interval);
        return new LoadConfig(batchSize, interval);
    }

    private Optional<Duration> interval(String text) {
        try {
            Duration interval = Duration.parse(text);
            if (interval.compareTo(LoadConfig.MIN_INTERVAL) >= 0 && interval.compareTo(LoadConfig.MAX_INTERVAL) <= 0) {
                return Optional.of(interval);
            }
        } catch (DateTimeParseException e) {
            // reported below with the accepted form
        }
        reader.problem("load.interval must be an ISO-8601 duration from " + LoadConfig.MIN_INTERVAL + " to "
                + LoadConfig.MAX_INTERVAL + " such as PT5M (5 minutes) or PT1H, got '" + text
                + "'; leave it out to load only with tier2 load");
        return Optional.empty();
    }

    private DatabaseConfig readDatabase(JsonNode node) {
        int poolSize = reader.integer(node, "pool-size", "database.pool-size", DatabaseConfig.DEFAULT_POOL_SIZE,
                1, DatabaseConfig.MAX_POOL_SIZE);
        JsonNode embeddedNode = reader.section(node, "embedded", "database.embedded", EMBEDDED_KEYS);
        Optional<EmbeddedDatabaseConfig> embedded = readEmbedded(embeddedNode);
        Optional<String> url = reader.string(node, "url", "database.url");
        Optional<String> user = reader.string(node, "user", "database.user");
        if (reader.bool(embeddedNode, "enabled", "database.embedded.enabled", false)) {
            for (String key : List.of("url", "user", "password")) {
                if (reader.has(node, key)) {
                    reader.problem("database." + key + " must not be set when database.embedded.enabled is true "
                            + "(the embedded server's URL and user are fixed); remove one of them");
                }
            }
            return embedded.map(e -> DatabaseConfig.embedded(e, poolSize)).orElse(null);
        }
        if (url.isEmpty()) {
            reader.problem("database.url is required (e.g. jdbc:mariadb://db-host:3306/picu), "
                    + "or set database.embedded.enabled: true");
        } else if (!url.get().startsWith(DatabaseConfig.URL_PREFIX)) {
            reader.problem("database.url must start with " + DatabaseConfig.URL_PREFIX + ", got '" + url.get() + "'");
        }
        if (user.isEmpty()) {
            reader.problem("database.user is required when database.url is used");
        }
        Secret password = password(node);
        if (!reader.problems().isEmpty()) {
            return null; // read() reports the problems instead of building a config
        }
        return DatabaseConfig.external(url.get(), user.get(), password, poolSize);
    }

    private Secret password(JsonNode node) {
        String fromEnv = env.get(PASSWORD_ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            return new Secret(fromEnv);
        }
        return reader.secret(node, "password", "database.password").map(Secret::new).orElse(Secret.EMPTY);
    }

    /** The embedded settings if enabled and complete; every key is type-checked either way. */
    private Optional<EmbeddedDatabaseConfig> readEmbedded(JsonNode node) {
        boolean enabled = reader.bool(node, "enabled", "database.embedded.enabled", false);
        Optional<Path> dir = reader.string(node, "base-dir", "database.embedded.base-dir").map(this::resolve);
        int port = reader.integer(node, "port", "database.embedded.port", 0, 0, 65535);
        boolean system = reader.bool(node, "system-binaries", "database.embedded.system-binaries", false);
        List<String> options = serverOptions(node.get("server-options"));
        if (!enabled) {
            return Optional.empty();
        }
        if (dir.isEmpty()) {
            reader.problem("database.embedded.base-dir is required when database.embedded.enabled is true "
                    + "(the server's data directory lives there)");
            return Optional.empty();
        }
        return Optional.of(new EmbeddedDatabaseConfig(true, dir, port, system, options));
    }

    private List<String> serverOptions(JsonNode node) {
        List<String> options = new ArrayList<>();
        if (node == null || node.isNull()) {
            return options;
        }
        if (!node.isArray()) {
            reader.problem("database.embedded.server-options must be a list such as [--innodb-buffer-pool-size=1G]");
            return options;
        }
        for (JsonNode item : node) {
            String option = item.asText().trim();
            if (item.isTextual() && EmbeddedDatabaseConfig.SERVER_OPTION.matcher(option).matches()) {
                options.add(option);
            } else {
                reader.problem("database.embedded.server-options: '" + item.asText() + "' must look like --name=value, "
                        + "e.g. --innodb-buffer-pool-size=1G");
            }
        }
        return options;
    }

    private HdfsConfig readHdfs(JsonNode node) {
        Optional<URI> uri = reader.uri(node, "uri", "hdfs.uri", "hdfs://master:9000 or file:///");
        String root = reader.string(node, "root", "hdfs.root").orElse(HdfsConfig.DEFAULT_ROOT);
        if (!HdfsConfig.isAbsoluteRoot(root)) {
            reader.problem(
                    "hdfs.root must be an absolute path such as / or a URI such as file:/var/picu, got '" + root + "'");
            root = HdfsConfig.DEFAULT_ROOT;
        }
        Optional<Path> confDir = reader.string(node, "conf-dir", "hdfs.conf-dir").map(this::resolve);
        if (confDir.isPresent() && !Files.isDirectory(confDir.get())) {
            reader.problem("hdfs.conf-dir " + confDir.get()
                    + " is not a directory; point it at the directory holding core-site.xml");
        }
        return new HdfsConfig(uri, root, confDir);
    }

    private HttpConfig readHttp(JsonNode node) {
        String bind = reader.string(node, "bind", "http.bind").orElse(HttpConfig.DEFAULT_BIND);
        int port = reader.integer(node, "port", "http.port", HttpConfig.DEFAULT_PORT, 0, 65535);
        int threads =
                reader.integer(node, "threads", "http.threads", HttpConfig.DEFAULT_THREADS, 1, HttpConfig.MAX_THREADS);
        return new HttpConfig(bind, port, threads);
    }

    private Path resolve(String path) {
        return reader.baseDir().resolve(path).normalize();
    }
}
