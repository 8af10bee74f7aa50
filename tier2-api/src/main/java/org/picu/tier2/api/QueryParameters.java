package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The decoded query string. A parameter given twice is refused rather than guessing which one was meant; a
 * parameter given with an empty value counts as absent, as it did in the original API.
 */
public final class QueryParameters {
    private static final QueryParameters NONE = new QueryParameters(Map.of());

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

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            String message = "the query string is not valid percent-encoding";
            throw parameter == null ? ApiException.badRequest(message) : ApiException.badRequest(parameter, message);
        }
    }
}
