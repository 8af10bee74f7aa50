package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decoded query string. A parameter given twice is refused rather than guessing which one was meant; a
 * parameter given with an empty value counts as absent, as it did in the original API.
 */
public final class QueryParameters {
    private static final QueryParameters NONE = new QueryParameters(Map.of());

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Decodes a raw (still percent-encoded) query string.
     *
     * @throws ApiException 400 if the encoding is broken or a parameter repeats
     */
    public static QueryParameters parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return NONE;
        }
        Map<String, String> values = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), null);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
            if (values.putIfAbsent(name, value) != null) {
                throw ApiException.badRequest(name, "parameter '" + name + "' is given more than once; give it once");
            }
        }
        return new QueryParameters(Map.copyOf(values));
    }

    /**
     * The parameters in one canonical form, names sorted, blank values left out (they count as absent): equal for
     * requests that mean the same, however they were encoded or ordered.
     */
    public String canonical() {
        if (values.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (String name : new TreeSet<>(values.keySet())) {
            String value = values.get(name);
            if (!value.isBlank()) {
                text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        }
        return text.toString();
    }

    /** The value of {@code name}, empty if absent or blank. */
    public Optional<String> get(String name) {
        requireNonNull(name, "name is null");
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * A whole-number parameter: {@code defaultValue} when absent, at most {@code cap} (larger values are lowered
     * to it), 400 when not a number or below {@code min}.
     */
    public int intInRange(String name, int defaultValue, int min, int cap) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text.get().trim());
        } catch (NumberFormatException e) {
            // too many digits for a long is still a valid (huge) count; anything else is not a number
            value = text.get().trim().matches("[0-9]+") ? cap : Long.MIN_VALUE;
        }
        if (value < min) {
            throw ApiException.badRequest(name, name + " must be a whole number of at least " + min
                    + " (values above " + cap + " are lowered to " + cap + ")");
        }
        return (int) Math.min(value, cap);
    }

    /**
     * A whole-number parameter that must lie in {@code [min, max]}: {@code defaultValue} when absent, 400 naming the
     * parameter when not a number or out of range (for windows such as {@code hours}, where lowering silently would
     * answer a different question than was asked).
     */
    public int intBetween(String name, int defaultValue, int min, int max) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        String trimmed = text.get().trim();
        // at most 10 digits keeps parseLong away from overflow; anything longer is out of range anyway
        if (!trimmed.matches("-?[0-9]{1,10}")) {
            throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max);
        }
        long value = Long.parseLong(trimmed);
        if (value < min || value > max) {
            throw ApiException.badRequest(name, name + " must be a whole number from " + min + " to " + max);
        }
        return (int) value;
    }

    /** One of {@code allowed} (compared exactly), {@code defaultValue} when absent, else 400 listing them. */
    public String choice(String name, String defaultValue, Set<String> allowed) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        if (!allowed.contains(text.get())) {
            throw ApiException.badRequest(name, name + " must be one of " + String.join(", ", new TreeSet<>(allowed)));
        }
        return text.get();
    }

    /**
     * A point in time: ISO-8601 with a zone ({@code 2026-11-22T09:00:00Z}, {@code ...+09:00}) or a UTC day
     * ({@code 2026-11-22}, meaning its midnight); empty when absent, 400 otherwise.
     */
    public Optional<Instant> instant(String name) {
        Optional<String> text = get(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.get().trim();
        try {
            Instant instant = value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
            // the database's DATETIME cannot hold everything Instant can; refuse rather than fail in SQL
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw ApiException.badRequest(name, name + " must lie between 1970 and 9999");
            }
            return Optional.of(instant);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name, name + " must be an ISO-8601 time with a zone such as "
                    + "2026-11-22T09:00:00Z, or a UTC day such as 2026-11-22");
        }
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String message = "the query string is not valid percent-encoding";
            throw parameter == null ? ApiException.badRequest(message) : ApiException.badRequest(parameter, message);
        }
    }
}
