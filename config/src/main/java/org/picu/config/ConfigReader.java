package org.picu.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a YAML config file into a tree and typed values out of it, collecting every problem instead of stopping
 * at the first, so that an operator fixes a config file in one round. Keys are addressed by their dotted path
 * ({@code database.pool-size}); a mapping is read with the set of keys it may have, and any other key is an
 * unknown-key problem with a "did you mean" hint. A value a secret is read from is never quoted in a problem.
 *
 * <p>The reader never throws: the caller stops when the file is not {@link #readable()}, else builds its typed,
 * immutable config from the values and, when {@link #problems()} is not empty, throws its own exception listing
 * them all.
 */
public final class ConfigReader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final List<String> problems = new ArrayList<>();
    private final JsonNode root;
    private final Path baseDir;
    private boolean readable = true;

    private ConfigReader(JsonNode root, Path baseDir) {
        this.root = root;
        this.baseDir = baseDir;
    }

    /**
     * Reads a file; relative paths in it ({@link #path}) resolve against its directory. A file that cannot be
     * read or is not YAML gives a reader with one problem and an empty tree.
     *
     * @param missingFileHint how to fix a missing or unreadable file, e.g. "copy worker-example.yml and edit it"
     */
    public static ConfigReader read(Path file, String missingFileHint) {
        Path dir = file.toAbsolutePath().normalize().getParent();
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return failed(dir, "no such file; " + missingFileHint);
        } catch (IOException e) {
            return failed(dir, "cannot read the file: " + e.getMessage() + "; " + missingFileHint);
        }
        return parse(yaml, dir);
    }

    /** Reads YAML text; relative paths in it resolve against {@code baseDir}. */
    public static ConfigReader parse(String yaml, Path baseDir) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            return failed(baseDir, "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + (e.getLocation() == null || e.getLocation().getLineNr() < 0 ? ""
                        : " at line " + e.getLocation().getLineNr()));
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            // A file with nothing but comments is valid YAML with no content: every key takes its default.
            root = JsonNodeFactory.instance.objectNode();
        }
        ConfigReader reader = new ConfigReader(root, baseDir);
        if (!root.isObject()) {
            return failed(baseDir, "the top level must be a mapping of keys (key: value lines), got " + describe(root));
        }
        return reader;
    }

    private static ConfigReader failed(Path baseDir, String problem) {
        ConfigReader reader = new ConfigReader(JsonNodeFactory.instance.objectNode(), baseDir);
        reader.problem(problem);
        reader.readable = false;
        return reader;
    }

    /**
     * False when the file could not be read or is not a YAML mapping; {@link #problems()} then holds that one
     * problem, and reading keys out of the (empty) tree would only add noise about missing keys.
     */
    public boolean readable() {
        return readable;
    }

    /** The top-level mapping, after reporting keys other than {@code knownKeys}. */
    public JsonNode root(Set<String> knownKeys) {
        checkKeys(root, "", knownKeys);
        return root;
    }

    /** The directory relative paths resolve against. */
    public Path baseDir() {
        return baseDir;
    }

    public void problem(String text) {
        problems.add(text);
    }

    /** Every problem found so far, in the order found; empty when the config is usable. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The mapping at {@code path} (an empty one when absent), after reporting keys it does not know. */
    public JsonNode section(JsonNode parent, String key, String path, Set<String> knownKeys) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return emptyMapping();
        }
        if (!node.isObject()) {
            problem(path + " must be a mapping of keys (key: value lines below it), got " + describe(node));
            return emptyMapping();
        }
        checkKeys(node, path, knownKeys);
        return node;
    }

    /** Reports every key of {@code mapping} that is not in {@code knownKeys}, with the closest known key as a hint. */
    public void checkKeys(JsonNode mapping, String path, Set<String> knownKeys) {
        for (Iterator<String> names = mapping.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownKeys.contains(name)) {
                String full = path.isEmpty() ? name : path + "." + name;
                String suggestion = KeySuggestions.closest(name, knownKeys)
                        .map(k -> " (did you mean '" + (path.isEmpty() ? k : path + "." + k) + "'?)")
                        .orElse("; known keys here: " + String.join(", ", new TreeSet<>(knownKeys)));
                problem("unknown key '" + full + "'" + suggestion);
            }
        }
    }

    /** A single value as trimmed text; empty when absent. An empty or non-scalar value is a problem. */
    public Optional<String> string(JsonNode mapping, String key, String path) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBinary()) {
            problem(path + " must be a single value, got " + describe(node));
            return Optional.empty();
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            problem(path + " is empty; give a value or remove the key");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A whole number from {@code min} to {@code max}, written bare or quoted; the default when absent. */
    public int integer(JsonNode mapping, String key, String path, int defaultValue, int min, int max) {
        return (int) longValue(mapping, key, path, defaultValue, min, max);
    }

    /** A whole number from {@code min} to {@code max}, written bare or quoted; the default when absent. */
    public long longValue(JsonNode mapping, String key, String path, long defaultValue, long min, long max) {
        JsonNode node = mapping.get(key);
        Optional<Long> value = parseWhole(node);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (value.isEmpty() || value.get() < min || value.get() > max) {
            problem(path + " must be a whole number from " + min + " to " + max + ", got " + describe(node));
            return defaultValue;
        }
        return value.get();
    }

    /**
     * A whole number, written bare or quoted, for a caller that checks its range with its own message; the
     * default when absent (or not a whole number, which is reported).
     */
    public long wholeNumber(JsonNode mapping, String key, String path, long defaultValue) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        Optional<Long> value = parseWhole(node);
        if (value.isEmpty()) {
            problem(path + " must be a whole number, got " + describe(node));
            return defaultValue;
        }
        return value.get();
    }

    private static Optional<Long> parseWhole(JsonNode node) {
        if (node == null) {
            return Optional.empty();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return Optional.of(node.asLong());
        }
        if (node.isTextual() && node.asText().trim().matches("[+-]?\\d{1,18}")) {
            return Optional.of(Long.parseLong(node.asText().trim()));
        }
        return Optional.empty();
    }

    public boolean bool(JsonNode mapping, String key, String path, boolean defaultValue) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isBoolean()) {
            problem(path + " must be true or false, got " + describe(node));
            return defaultValue;
        }
        return node.asBoolean();
    }

    /** An ISO-8601 duration such as {@code PT5M}, from {@code min} to {@code max}; empty when absent or wrong. */
    public Optional<Duration> duration(JsonNode mapping, String key, String path, Duration min, Duration max) {
        return string(mapping, key, path).flatMap(text -> {
            try {
                Duration d = Duration.parse(text.toUpperCase(Locale.ROOT));
                if (d.compareTo(min) >= 0 && d.compareTo(max) <= 0) {
                    return Optional.of(d);
                }
            } catch (DateTimeParseException e) {
                // reported below with the accepted form
            }
            problem(path + " must be an ISO-8601 duration from " + min + " to " + max + " such as PT5M or PT1H, got '"
                    + text + "'");
            return Optional.empty();
        });
    }

    /** An absolute URI with a scheme, e.g. {@code hdfs://master:9000}; empty when absent or wrong. */
    public Optional<URI> uri(JsonNode mapping, String key, String path, String example) {
        return string(mapping, key, path).flatMap(text -> {
            try {
                URI uri = new URI(text);
                if (uri.getScheme() != null) {
                    return Optional.of(uri);
                }
            } catch (URISyntaxException e) {
                // reported below with an example
            }
            problem(path + " must be a URI with a scheme such as " + example + ", got '" + text + "'");
            return Optional.empty();
        });
    }

    /** A path, a relative one taken against the config file's directory rather than the working directory. */
    public Optional<Path> path(JsonNode mapping, String key, String path) {
        return string(mapping, key, path).map(text -> baseDir.resolve(text).normalize());
    }

    /**
     * A mapping whose keys are free (Hadoop property names, dataset names) and whose values are single values,
     * as text in file order; empty when absent.
     */
    public Map<String, String> stringMap(JsonNode mapping, String key, String path) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            problem(path + " must be a mapping of keys (key: value lines below it), got " + describe(node));
            return result;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isBinary()) {
                // an empty value is a value here: a Hadoop property may be set to ""
                result.put(field.getKey(), value.isNull() ? "" : value.asText());
            } else {
                problem(path + "." + field.getKey() + " must be a single value, got " + describe(value));
            }
        }
        return result;
    }

    /**
     * A password or token as text, empty when absent. Unlike {@link #string}, a problem with it never quotes
     * the value, which might be (part of) the secret.
     */
    public Optional<String> secret(JsonNode mapping, String key, String path) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isValueNode() || node.isBinary()) {
            problem(path + " must be a single text value");
            return Optional.empty();
        }
        return Optional.of(node.asText());
    }

    public boolean has(JsonNode mapping, String key) {
        JsonNode node = mapping.get(key);
        return node != null && !node.isNull();
    }

    private static ObjectNode emptyMapping() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        return "'" + node.asText() + "'";
    }
}
