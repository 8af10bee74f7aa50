package org.picu.worker.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.util.TokenBufferReadContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.picu.model.RecordEnvelope;

/**
 * Reads the worker's YAML file once, checks every key and returns an immutable {@link WorkerConfig}.
 *
 * <p>Unknown keys are errors (a misspelt key would otherwise silently fall back to its default). All value
 * problems, unknown keys included, are reported together in one {@link ConfigException}; only a file that
 * is not YAML at all, or has a section of the wrong shape, stops at the first error.
 */
public final class WorkerConfigLoader {
    private WorkerConfigLoader() {
    }

    /**
     * @param file the YAML file; relative paths inside it are resolved against its directory
     * @throws ConfigException listing every problem, each naming its key
     */
    public static WorkerConfig load(Path file) throws ConfigException {
        Path absolute = file.toAbsolutePath().normalize();
        Set<String> unknownKeys = new LinkedHashSet<>();
        RawConfig raw;
        try (InputStream in = Files.newInputStream(absolute)) {
            ObjectMapper mapper = mapper(unknownKeys);
            JsonParser parser = mapper.createParser(in);
            // A file with nothing but comments is valid YAML with no content: report the missing keys.
            raw = parser.nextToken() == null ? null : mapper.readValue(parser, RawConfig.class);
        } catch (NoSuchFileException e) {
            throw new ConfigException(
                    absolute, List.of("the file does not exist; copy worker-example.yml and edit it"));
        } catch (JsonProcessingException e) {
            throw new ConfigException(absolute, List.of(describe(e)));
        } catch (IOException e) {
            throw new ConfigException(absolute, List.of("cannot read it: " + e.getMessage()));
        }
        Problems problems = new Problems();
        unknownKeys.forEach(k -> problems.add("unknown key '" + k + "'"));
        WorkerConfig config = validate(
                raw == null ? new RawConfig(null, null, null, null, null, null, null, null, null, null) : raw,
                absolute.getParent(),
                problems);
        if (!problems.list().isEmpty()) {
            throw new ConfigException(absolute, problems.list());
        }
        return config;
    }

    private static ObjectMapper mapper(Set<String> unknownKeys) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        // Unknown keys are still errors, but collected so they are reported together with bad values.
        mapper.addHandler(new DeserializationProblemHandler() {
            @Override
            public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
                                                 JsonDeserializer<?> deserializer, Object beanOrClass,
                                                 String propertyName) throws IOException {
                unknownKeys.add(keyPath(p, propertyName));
                p.skipChildren();
                return true;
            }
        });
        return mapper;
    }

    private static String keyPath(JsonParser p, String propertyName) {
        boolean structValue = p.currentToken() != null && p.currentToken().isStructStart();
        // At an object or list value the parser is already inside it; the key belongs to the enclosing object.
        JsonStreamContext owner = p.getParsingContext();
        if (structValue && owner.getParent() != null) {
            owner = owner.getParent();
        }
        JsonStreamContext above = owner.getParent();
        // A record whose creator still waits for keys buffers an unknown one and replays it later. Buffered at
        // an object or list value, the replay's context sits on the enclosing object's real context, whose
        // current name is stale by then: skip that one.
        if (structValue && owner instanceof TokenBufferReadContext && above != null) {
            above = above.getParent();
        }
        Deque<String> names = new ArrayDeque<>();
        names.add(propertyName);
        for (JsonStreamContext c = above; c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                names.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", names);
    }

    private static String describe(JsonProcessingException e) {
        JsonLocation where = e.getLocation();
        String line = where == null || where.getLineNr() < 0 ? "" : "line " + where.getLineNr() + ": ";
        if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String key = m.getPath().stream()
                    .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                    .collect(Collectors.joining("."));
            Class<?> target = m.getTargetType();
            if (target != null && target.isRecord()) {
                return line + key + " must be a section of keys (key: value lines below it)";
            }
            if (target != null && List.class.isAssignableFrom(target)) {
                return line + key + " must be a list, e.g. [BTC, ETH]";
            }
            return line + key + " must be a single value";
        }
        return line + e.getOriginalMessage().lines().findFirst().orElse("not valid YAML");
    }

    private static WorkerConfig validate(RawConfig raw, Path baseDir, Problems problems) {
        String workerId = problems.required("worker.id", raw.worker() == null ? null : raw.worker().id());
        if (workerId != null && !RecordEnvelope.NAME.matcher(workerId).matches()) {
            problems.add("worker.id '" + workerId + "' must match " + RecordEnvelope.NAME.pattern()
                    + " (lower-case letters, digits, '_' and '-'), e.g. w1");
        }
        return new WorkerConfig(workerId == null ? "" : workerId, spool(raw.spool(), baseDir, problems),
                hdfs(raw.hdfs(), baseDir, problems), fetch(raw.fetch(), problems),
                SourcesConfigLoader.load(raw.sources(), problems),
                DaemonConfigLoader.upload(raw.upload(), problems),
                DaemonConfigLoader.schedule(raw.schedules(), raw.assignments(), problems),
                render(raw.render(), baseDir, problems), metrics(raw.metrics(), problems));
    }

    private static MetricsConfig metrics(RawConfig.Metrics raw, Problems problems) {
        if (raw == null) {
            return MetricsConfig.off();
        }
        java.util.OptionalInt port = raw.port() == null || raw.port().isBlank() ? java.util.OptionalInt.empty()
                : java.util.OptionalInt.of(problems.integer("metrics.port", raw.port(), 0, 1, 65535));
        String bind = raw.bind() == null || raw.bind().isBlank() ? MetricsConfig.DEFAULT_BIND : raw.bind().trim();
        if (!bind.matches("[0-9A-Za-z.:_-]+")) {
            problems.add("metrics.bind '" + bind + "' must be an address or host name, e.g. 0.0.0.0 or 127.0.0.1");
        }
        return new MetricsConfig(port, bind);
    }

    private static RenderConfig render(RawConfig.Render raw, Path baseDir, Problems problems) {
        RawConfig.Render r = raw == null ? new RawConfig.Render(null, null, null, null, null, null) : raw;
        Path chromium = r.chromium() == null || r.chromium().isBlank() ? RenderConfig.DEFAULT_CHROMIUM
                : problems.path(baseDir, r.chromium());
        return new RenderConfig(
                chromium,
                problems.duration("render.timeout", r.timeout(), RenderConfig.DEFAULT_TIMEOUT, false),
                problems.duration("render.script-budget", r.scriptBudget(), RenderConfig.DEFAULT_SCRIPT_BUDGET, true),
                problems.integer(
                        "render.viewport-height",
                        r.viewportHeight(),
                        RenderConfig.DEFAULT_VIEWPORT_HEIGHT,
                        200,
                        RenderConfig.MAX_VIEWPORT_HEIGHT),
                problems.integer(
                        "render.max-scrolls",
                        r.maxScrolls(),
                        RenderConfig.DEFAULT_MAX_SCROLLS,
                        0,
                        RenderConfig.MAX_MAX_SCROLLS),
                problems.duration("render.scroll-pause", r.scrollPause(), RenderConfig.DEFAULT_SCROLL_PAUSE, true));
    }

    private static SpoolConfig spool(RawConfig.Spool raw, Path baseDir, Problems problems) {
        RawConfig.Spool s = raw == null ? new RawConfig.Spool(null, null, null, null) : raw;
        String dir = problems.required("spool.dir", s.dir());
        return new SpoolConfig(dir == null ? baseDir : problems.path(baseDir, dir),
                problems.size("spool.roll-bytes", s.rollBytes(), SpoolConfig.DEFAULT_ROLL_BYTES),
                problems.duration("spool.roll-age", s.rollAge(), SpoolConfig.DEFAULT_ROLL_AGE, false),
                problems.size("spool.max-bytes", s.maxBytes(), SpoolConfig.DEFAULT_MAX_BYTES));
    }

    private static HdfsConfig hdfs(RawConfig.Hdfs raw, Path baseDir, Problems problems) {
        RawConfig.Hdfs h = raw == null ? new RawConfig.Hdfs(null, null, null) : raw;
        URI uri = null;
        if (problems.required("hdfs.uri", h.uri()) != null) {
            uri = problems.uri("hdfs.uri", h.uri(), null, List.of());
        }
        if (uri != null
                && "file".equalsIgnoreCase(uri.getScheme())
                && (uri.getPath() == null || !uri.getPath().startsWith("/"))) {
            problems.add("hdfs.uri '" + uri + "' must name an absolute directory, e.g. file:///var/picu/hdfs");
        }
        String root = h.root() == null || h.root().isBlank() ? HdfsConfig.DEFAULT_ROOT : h.root().trim();
        if (!root.startsWith("/")) {
            problems.add("hdfs.root '" + root + "' must start with '/'");
        }
        Path confDir = null;
        if (h.confDir() != null && !h.confDir().isBlank()) {
            confDir = problems.path(baseDir, h.confDir());
            if (!Files.isDirectory(confDir)) {
                problems.add("hdfs.conf-dir '" + confDir + "' is not a directory");
            }
        }
        return new HdfsConfig(uri == null ? URI.create("file:///") : uri, root, confDir);
    }

    private static FetchConfig fetch(RawConfig.Fetch raw, Problems problems) {
        RawConfig.Fetch f = raw == null
                ? new RawConfig.Fetch(null, null, null, null, null, null, null, null, null, null, null, null)
                : raw;
        String userAgent = f.userAgent() == null ? FetchConfig.DEFAULT_USER_AGENT : f.userAgent().trim();
        if (userAgent.isEmpty() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            problems.add("fetch.user-agent must be non-empty text on one line, e.g. "
                    + FetchConfig.DEFAULT_USER_AGENT);
        }
        return new FetchConfig(
                userAgent,
                problems.duration(
                        "fetch.connect-timeout", f.connectTimeout(), FetchConfig.DEFAULT_CONNECT_TIMEOUT, false),
                problems.duration("fetch.read-timeout", f.readTimeout(), FetchConfig.DEFAULT_READ_TIMEOUT, false),
                problems.size("fetch.max-body-bytes", f.maxBodyBytes(), FetchConfig.DEFAULT_MAX_BODY_BYTES),
                problems.duration("fetch.host-delay", f.hostDelay(), FetchConfig.DEFAULT_HOST_DELAY, true),
                problems.duration("fetch.host-jitter", f.hostJitter(), FetchConfig.DEFAULT_HOST_JITTER, true),
                problems.duration("fetch.robots-ttl", f.robotsTtl(), FetchConfig.DEFAULT_ROBOTS_TTL, false),
                problems.integer("fetch.max-attempts", f.maxAttempts(), FetchConfig.DEFAULT_MAX_ATTEMPTS, 1, 10),
                problems.duration("fetch.backoff-base", f.backoffBase(), FetchConfig.DEFAULT_BACKOFF_BASE, true),
                problems.duration("fetch.backoff-max", f.backoffMax(), FetchConfig.DEFAULT_BACKOFF_MAX, true),
                problems.integer(
                        "fetch.host-error-limit", f.hostErrorLimit(), FetchConfig.DEFAULT_HOST_ERROR_LIMIT, 1, 1000),
                problems.duration("fetch.run-time-limit", f.runTimeLimit(), FetchConfig.DEFAULT_RUN_TIME_LIMIT, false));
    }
}
