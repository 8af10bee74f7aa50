package org.picu.tier2.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads typed values out of a parsed YAML tree and collects every problem instead of stopping at the first,
 * so that an operator fixes a config file in one round. Keys are addressed by their dotted path.
 */
final class ConfigReader {
    private final List<String> problems = new ArrayList<>();

    void problem(String text) {
        problems.add(text);
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The mapping at {@code path} (an empty one when absent), after reporting keys it does not know. */
    JsonNode section(JsonNode parent, String key, String path, Set<String> knownKeys) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            problem(path + " must be a mapping of keys, got " + describe(node));
            return JsonNodeFactory.instance.objectNode();
        }
        checkKeys(node, path, knownKeys);
        return node;
    }

    void checkKeys(JsonNode mapping, String path, Set<String> knownKeys) {
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

    Optional<String> string(JsonNode mapping, String key, String path) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual() && !node.isNumber() && !node.isBoolean()) {
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

    int integer(JsonNode mapping, String key, String path, int defaultValue, int min, int max) {
        JsonNode node = mapping.get(key);
        if (node == null || node.isNull()) {
            return defaultValue;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            problem(path + " must be a whole number from " + min + " to " + max + ", got " + describe(node));
            return defaultValue;
        }
        return node.asInt();
    }

    boolean bool(JsonNode mapping, String key, String path, boolean defaultValue) {
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

    boolean has(JsonNode mapping, String key) {
        JsonNode node = mapping.get(key);
        return node != null && !node.isNull();
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
