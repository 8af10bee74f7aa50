package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A route path such as {@code /api/news/{id}/sentiment}: literal segments match exactly, a {@code {name}} segment
 * matches any one non-empty segment, whose percent-decoded value the handler gets by name.
 */
final class RouteTemplate {
    private final String text;
    private final List<String> segments;

    RouteTemplate(String text) {
        requireNonNull(text, "path is null");
        if (!text.startsWith("/")) {
            throw new IllegalArgumentException("path '" + text + "' must start with /");
        }
        this.text = text;
        this.segments = split(text);
    }

    String text() {
        return text;
    }

    boolean hasParameters() {
        return segments.stream().anyMatch(RouteTemplate::isParameter);
    }

    /** The path parameters if {@code rawPath} (still percent-encoded) matches, else empty. */
    Optional<Map<String, String>> match(String rawPath) {
        List<String> parts = split(rawPath);
        if (parts.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String segment = segments.get(i);
            String part = parts.get(i);
            if (isParameter(segment)) {
                if (part.isEmpty()) {
                    return Optional.empty();
                }
                values.put(segment.substring(1, segment.length() - 1), decode(part));
            } else if (!segment.equals(part)) {
                return Optional.empty();
            }
        }
        return Optional.of(values);
    }

    private static String decode(String part) {
        try {
            // '+' is a literal plus in a path, unlike in a query string
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the path is not valid percent-encoding");
        }
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    // "/a/b/" has segments a, b, "" so that a trailing slash never matches a route without one
    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        int start = 1;
        for (int i = 1; i <= path.length(); i++) {
            if (i == path.length() || path.charAt(i) == '/') {
                parts.add(path.substring(start, i));
                start = i + 1;
            }
        }
        return parts;
    }
}
