package org.picu.tier2.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadConfigTest {
    private static final String DATABASE = "database:\n  url: jdbc:mariadb://db:3306/picu\n  user: picu\n";

    private static Tier2Config parse(String yaml) {
        return Tier2ConfigParser.parse(DATABASE + yaml, "test.yml", Path.of("/etc/picu"), Map.of());
    }

    @Test
    void load_interval_is_an_iso_duration_and_absent_by_default() {
        assertEquals(Optional.empty(), parse("").load().interval());
        assertEquals(1000, parse("").load().batchSize());
        LoadConfig load = parse("load:\n  interval: PT5M\n  batch-size: 20000\n").load();
        assertEquals(Optional.of(Duration.ofMinutes(5)), load.interval());
        assertEquals(20000, load.batchSize());
    }

    @Test
    void every_bad_load_key_is_reported_at_once() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> parse("load:\n  interval: 5 minutes\n  batch-size: 0\n  intervall: PT1M\n"));
        assertEquals(List.of(
                "unknown key 'load.intervall' (did you mean 'load.interval'?)",
                "load.batch-size must be a whole number from 1 to 100000, got '0'",
                "load.interval must be an ISO-8601 duration from PT1S to PT24H such as PT5M (5 minutes) or PT1H, "
                        + "got '5 minutes'; leave it out to load only with tier2 load"), e.problems());
    }

    @Test
    void an_interval_outside_the_allowed_range_is_refused() {
        ConfigException tooShort = assertThrows(ConfigException.class, () -> parse("load:\n  interval: PT0.5S\n"));
        assertEquals(1, tooShort.problems().size());
        assertThrows(ConfigException.class, () -> parse("load:\n  interval: P2D\n"));
        assertThrows(IllegalArgumentException.class, () -> new LoadConfig(1000, Optional.of(Duration.ZERO)));
    }
}
