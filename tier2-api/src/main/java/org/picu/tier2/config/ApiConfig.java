package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * {@code api.*}: who may change state, which browser origins may read, and the alert thresholds.
 *
 * @param token bearer token for state-changing endpoints; empty refuses them all
 * @param corsOrigins origins such as {@code https://dash.example:8443}, or {@code *}; empty: no CORS headers
 * @param alerts thresholds {@code /api/alerts} evaluates
 * @param cache the response cache
 */
public record ApiConfig(Secret token, List<String> corsOrigins, List<AlertRule> alerts, ApiCacheConfig cache) {
    public ApiConfig {
        requireNonNull(token, "token is null");
        requireNonNull(cache, "cache is null");
        corsOrigins = List.copyOf(corsOrigins);
        alerts = List.copyOf(alerts);
    }

    /** The given settings and the default response cache. */
    public ApiConfig(Secret token, List<String> corsOrigins, List<AlertRule> alerts) {
        this(token, corsOrigins, alerts, ApiCacheConfig.defaults());
    }

    /** No token, no CORS, the default alert rules, the default response cache. */
    public static ApiConfig defaults() {
        return new ApiConfig(Secret.EMPTY, List.of(), defaultAlerts());
    }

    /** RSI overbought/oversold and a 24 h move of 5 % / 10 % either way, for every symbol. */
    public static List<AlertRule> defaultAlerts() {
        return List.of(
                new AlertRule(Optional.empty(), AlertRule.Metric.RSI, AlertRule.Direction.ABOVE, 70, 80),
                new AlertRule(Optional.empty(), AlertRule.Metric.RSI, AlertRule.Direction.BELOW, 30, 20),
                new AlertRule(Optional.empty(), AlertRule.Metric.CHANGE_24H, AlertRule.Direction.ABOVE, 5, 10),
                new AlertRule(Optional.empty(), AlertRule.Metric.CHANGE_24H, AlertRule.Direction.BELOW, -5, -10));
    }

    /** The same settings with another token (tests and the demo). */
    public ApiConfig withToken(Secret newToken) {
        return new ApiConfig(newToken, corsOrigins, alerts, cache);
    }

    /** The same settings with another response cache (tests and the benchmark). */
    public ApiConfig withCache(ApiCacheConfig newCache) {
        return new ApiConfig(token, corsOrigins, alerts, newCache);
    }
}
