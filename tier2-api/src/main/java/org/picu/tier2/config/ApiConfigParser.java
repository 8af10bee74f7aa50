package org.picu.tier2.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.picu.config.ConfigReader;

/** Reads the {@code api} section for {@link Tier2ConfigParser}, reporting problems into the same list. */
final class ApiConfigParser {
    static final String TOKEN_ENV = "PICU_API_TOKEN";
    static final Set<String> KEYS = Set.of("token", "cors-origins", "alerts", "cache");
    private static final Set<String> CACHE_KEYS = Set.of("enabled", "check-interval", "max-age");
    private static final Set<String> ALERT_KEYS = Set.of("symbol", "metric", "direction", "warning", "critical");
    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|\\[[0-9a-fA-F:]+\\]");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final int MIN_TOKEN_LENGTH = 16;

    private final ConfigReader reader;
    private final Map<String, String> env;

    ApiConfigParser(ConfigReader reader, Map<String, String> env) {
        this.reader = reader;
        this.env = env;
    }

    ApiConfig read(JsonNode node) {
        return new ApiConfig(token(node), origins(node.get("cors-origins")), alerts(node.get("alerts")),
                cache(reader.section(node, "cache", "api.cache", CACHE_KEYS)));
    }

    private ApiCacheConfig cache(JsonNode node) {
        boolean enabled = reader.bool(node, "enabled", "api.cache.enabled", true);
        Duration checkInterval = duration(node, "check-interval", ApiCacheConfig.DEFAULT_CHECK_INTERVAL);
        Duration maxAge = duration(node, "max-age", ApiCacheConfig.DEFAULT_MAX_AGE);
        return new ApiCacheConfig(enabled, checkInterval, maxAge);
    }

    private Duration duration(JsonNode node, String key, Duration defaultValue) {
        Optional<String> text = reader.string(node, key, "api.cache." + key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            Duration duration = Duration.parse(text.get());
            if (ApiCacheConfig.inRange(duration)) {
                return duration;
            }
        } catch (DateTimeParseException e) {
            // reported below with the accepted form
        }
        reader.problem("api.cache." + key + " must be an ISO-8601 duration from " + ApiCacheConfig.MIN_DURATION
                + " to " + ApiCacheConfig.MAX_DURATION + " such as PT1S or PT0.5S, got '" + text.get() + "'");
        return defaultValue;
    }

    private Secret token(JsonNode node) {
        String fromEnv = env.get(TOKEN_ENV);
        String token;
        if (fromEnv != null && !fromEnv.isEmpty()) {
            token = fromEnv;
        } else {
            JsonNode value = node.get("token");
            if (value == null || value.isNull()) {
                return Secret.EMPTY;
            }
            // never quote the value in a message: it is a secret
            if (!value.isTextual()) {
                reader.problem("api.token must be a text value");
                return Secret.EMPTY;
            }
            token = value.asText();
        }
        if (token.length() < MIN_TOKEN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            reader.problem("api.token (or " + TOKEN_ENV + ") must be at least " + MIN_TOKEN_LENGTH
                    + " printable ASCII characters without spaces, e.g. the output of `openssl rand -hex 24`");
            return Secret.EMPTY;
        }
        return new Secret(token);
    }

    private List<String> origins(JsonNode node) {
        List<String> origins = new ArrayList<>();
        if (node == null || node.isNull()) {
            return origins;
        }
        if (!node.isArray()) {
            reader.problem("api.cors-origins must be a list such as [\"https://dash.example\"]");
            return origins;
        }
        for (JsonNode item : node) {
            String origin = item.isTextual() ? item.asText().trim() : "";
            if (origin.equals("*") || ORIGIN.matcher(origin).matches()) {
                origins.add(origin);
            } else {
                reader.problem("api.cors-origins: '" + item.asText() + "' is not an origin; write scheme://host[:port] "
                        + "without a path, e.g. http://127.0.0.1:3000, or *");
            }
        }
        return origins;
    }

    private List<AlertRule> alerts(JsonNode node) {
        if (node == null || node.isNull()) {
            return ApiConfig.defaultAlerts();
        }
        if (!node.isArray()) {
            reader.problem("api.alerts must be a list of rules with keys " + String.join(", ", ALERT_KEYS));
            return List.of();
        }
        List<AlertRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            alert(node.get(i), "api.alerts[" + i + "]").ifPresent(rules::add);
        }
        return rules;
    }

    private Optional<AlertRule> alert(JsonNode node, String path) {
        if (!node.isObject()) {
            reader.problem(path + " must be a mapping with keys " + String.join(", ", ALERT_KEYS));
            return Optional.empty();
        }
        reader.checkKeys(node, path, ALERT_KEYS);
        int before = reader.problems().size();
        Optional<String> symbol = reader.string(node, "symbol", path + ".symbol");
        if (symbol.isPresent() && !SYMBOL.matcher(symbol.get()).matches()) {
            reader.problem(path + ".symbol must be 1 to 20 letters or digits, e.g. BTC");
        }
        String metricText = reader.string(node, "metric", path + ".metric").orElse("");
        Optional<AlertRule.Metric> metric = AlertRule.Metric.parse(metricText);
        if (metric.isEmpty()) {
            reader.problem(path + ".metric must be one of price, change_24h, rsi, macd_histogram");
        } else if (metric.get() == AlertRule.Metric.PRICE && symbol.isEmpty()) {
            reader.problem(path + ".symbol is required for metric price (prices of different coins do not compare)");
        }
        String directionText = reader.string(node, "direction", path + ".direction").orElse("");
        AlertRule.Direction direction = directionText.equals("below") ? AlertRule.Direction.BELOW
                : directionText.equals("above") ? AlertRule.Direction.ABOVE : null;
        if (direction == null) {
            reader.problem(path + ".direction must be above or below");
        }
        Double warning = number(node, "warning", path);
        Double critical = number(node, "critical", path);
        if (direction != null && warning != null && critical != null
                && (direction == AlertRule.Direction.ABOVE ? critical < warning : critical > warning)) {
            reader.problem(
                    path + ": critical must be " + (direction == AlertRule.Direction.ABOVE ? "at least" : "at most")
                            + " warning for direction " + directionText);
        }
        if (reader.problems().size() > before) {
            return Optional.empty();
        }
        return Optional.of(new AlertRule(symbol.map(s -> s.toUpperCase(Locale.ROOT)), metric.get(), direction,
                warning, critical));
    }

    private Double number(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || !value.isNumber() || !Double.isFinite(value.asDouble())) {
            reader.problem(path + "." + key + " must be a number");
            return null;
        }
        return value.asDouble();
    }
}
