package org.picu.worker.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts raw config text to typed values, collecting a problem per bad key instead of throwing, so that
 * the operator sees every mistake in one run.
 */
final class Problems {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB)");

    private final List<String> list = new ArrayList<>();

    void add(String problem) {
        list.add(problem);
    }

    List<String> list() {
        return list;
    }

    String required(String key, String value) {
        if (value == null || value.isBlank()) {
            add(key + " is missing");
            return null;
        }
        return value.trim();
    }

    /** A byte count written as {@code 16777216}, {@code 16MiB}, {@code 512KiB} or {@code 1GiB}; must be positive. */
    long size(String key, String value, long defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        Matcher m = SIZE.matcher(value.trim());
        if (!m.matches()) {
            add(key + " '" + value + "' is not a size; write bytes or a number with KiB, MiB or GiB, e.g. 16MiB");
            return defaultValue;
        }
        long shift = switch (m.group(2)) {
            case "KiB" -> 10;
            case "MiB" -> 20;
            case "GiB" -> 30;
            default -> 0;
        };
        try {
            long n = Long.parseLong(m.group(1));
            if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
                add(key + " '" + value + "' must be greater than zero");
                return defaultValue;
            }
            return n << shift;
        } catch (NumberFormatException e) {
            add(key + " '" + value + "' is too large");
            return defaultValue;
        }
    }

    /** An ISO-8601 duration such as {@code PT1H} or {@code PT0.5S}. */
    Duration duration(String key, String value, Duration defaultValue, boolean zeroAllowed) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            Duration d = Duration.parse(value.trim().toUpperCase(Locale.ROOT));
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                add(key + " '" + value + "' must be " + (zeroAllowed ? "zero or positive" : "positive"));
                return defaultValue;
            }
            return d;
        } catch (DateTimeParseException e) {
            add(key + " '" + value + "' is not an ISO-8601 duration such as PT1H, PT30S or PT0.5S");
            return defaultValue;
        }
    }

    /** {@code true} or {@code false} (YAML's other spellings are not accepted, to keep configs plain). */
    boolean bool(String key, String value, boolean defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        add(key + " '" + value + "' must be true or false");
        return defaultValue;
    }

    int integer(String key, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                add(key + " " + n + " must be between " + min + " and " + max);
                return defaultValue;
            }
            return n;
        } catch (NumberFormatException e) {
            add(key + " '" + value + "' is not a whole number");
            return defaultValue;
        }
    }

    /** An absolute URI with a scheme; {@code schemes} limits which, if not empty. */
    URI uri(String key, String value, URI defaultValue, List<String> schemes) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getScheme() == null) {
                add(key + " '" + value + "' needs a scheme, e.g. " + (schemes.isEmpty() ? "hdfs://host:9000"
                        : schemes.get(0) + "://host"));
                return defaultValue;
            }
            if (!schemes.isEmpty() && !schemes.contains(uri.getScheme().toLowerCase(Locale.ROOT))) {
                add(key + " '" + value + "' must use one of " + schemes);
                return defaultValue;
            }
            return uri;
        } catch (URISyntaxException e) {
            add(key + " '" + value + "' is not a URI: " + e.getReason());
            return defaultValue;
        }
    }

    /** A path, relative ones taken against the config file's directory rather than the working directory. */
    Path path(Path baseDir, String value) {
        Path p = Path.of(value.trim());
        return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
    }
}
