package org.picu.tier2.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code api.*} keys: token (env wins, never quoted), CORS origins, alert rules; every problem at once. */
class ApiConfigParserTest {
    private static final String DB = "database:\n  url: jdbc:mariadb://db:3306/picu\n  user: picu\n";

    private static Tier2Config parse(String yaml, Map<String, String> env) {
        return Tier2ConfigParser.parse(DB + yaml, "test.yml", Path.of("/etc/picu"), env);
    }

    @Test
    void defaults_have_no_token_no_cors_and_the_default_alerts() {
        ApiConfig api = parse("", Map.of()).api();
        assertTrue(api.token().isEmpty());
        assertEquals(List.of(), api.corsOrigins());
        assertEquals(ApiConfig.defaultAlerts(), api.alerts());
        assertEquals(ApiCacheConfig.defaults(), api.cache());
    }

    @Test
    void reads_the_response_cache_and_reports_bad_durations() {
        ApiConfig api = parse("api:\n  cache:\n    enabled: false\n    check-interval: PT0.25S\n    max-age: PT5S\n",
                Map.of()).api();
        assertEquals(new ApiCacheConfig(false, java.time.Duration.ofMillis(250), java.time.Duration.ofSeconds(5)),
                api.cache());
        ConfigException e = assertThrows(ConfigException.class, () -> parse("api:\n  cache:\n    check-interval: 5s\n"
                + "    max-age: PT2H\n    size: 10\n", Map.of()));
        for (String expected : List.of("api.cache.check-interval must be an ISO-8601 duration",
                "api.cache.max-age must be an ISO-8601 duration", "unknown key 'api.cache.size'")) {
            assertTrue(e.getMessage().contains(expected), expected + " in: " + e.getMessage());
        }
    }

    @Test
    void reads_token_origins_and_rules() {
        ApiConfig api = parse("api:\n  token: abcdefghijklmnop1234\n  cors-origins: [\"https://dash.example\", "
                + "\"http://127.0.0.1:3000\"]\n  alerts:\n    - {symbol: btc, metric: price, direction: above, "
                + "warning: 100000000, critical: 120000000}\n", Map.of()).api();
        assertEquals("abcdefghijklmnop1234", api.token().value());
        assertEquals(List.of("https://dash.example", "http://127.0.0.1:3000"), api.corsOrigins());
        AlertRule rule = api.alerts().get(0);
        assertEquals(Optional.of("BTC"), rule.symbol());
        assertEquals("warning", rule.status(110_000_000));
        assertEquals("critical", rule.status(120_000_000));
        assertEquals("normal", rule.status(90_000_000));
    }

    @Test
    void the_environment_token_wins_and_toString_hides_it() {
        Tier2Config config = parse("api:\n  token: abcdefghijklmnop1234\n",
                Map.of("PICU_API_TOKEN", "from-the-environment-123"));
        assertEquals("from-the-environment-123", config.api().token().value());
        assertFalse(config.toString().contains("from-the-environment-123"));
    }

    @Test
    void every_problem_is_reported_at_once_and_a_bad_token_is_never_quoted() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("api:\n  token: short secret\n"
                + "  cors-origins: [\"https://ok.example/path\"]\n  colour: blue\n  alerts:\n"
                + "    - {metric: price, direction: above, warning: 2, critical: 1}\n"
                + "    - {metric: mood, direction: sideways, warning: x, critical: 1, extra: 1}\n", Map.of()));
        String message = e.getMessage();
        for (String expected : List.of(
                "api.token",
                "api.cors-origins",
                "unknown key 'api.colour'",
                "api.alerts[0].symbol is required",
                "api.alerts[0]: critical must be at least warning",
                "api.alerts[1].metric",
                "api.alerts[1].direction",
                "api.alerts[1].warning",
                "unknown key 'api.alerts[1].extra'")) {
            assertTrue(message.contains(expected), expected + " in: " + message);
        }
        assertFalse(message.contains("short secret"), message);
    }
}
