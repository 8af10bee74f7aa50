package org.picu.master.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.model.layout.Dataset;

class DatasetSchedulesTest {
    private static final RetrySettings RETRY = new RetrySettings(3, Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofHours(1));

    @Test
    void each_dataset_fires_on_its_own_cron_expression_in_utc_and_the_earliest_wins() {
        OrchestratorSettings settings = new OrchestratorSettings("m", 3, "*/15 * * * *",
                Map.of(Dataset.CANDLES_1H, "5 * * * *"), Duration.ofHours(6), RETRY);
        DatasetSchedules schedules = new DatasetSchedules(settings, List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H));
        Instant t = Instant.parse("2026-11-21T10:01:00Z");

        assertEquals(Instant.parse("2026-11-21T10:15:00Z"), schedules.next(Dataset.MARKET_TICKS, t));
        assertEquals(Instant.parse("2026-11-21T10:05:00Z"), schedules.next(Dataset.CANDLES_1H, t));
        assertEquals(new DatasetSchedules.Due(Instant.parse("2026-11-21T10:05:00Z"), List.of(Dataset.CANDLES_1H)),
                schedules.nextDue(t));
        assertEquals(
                List.of(Dataset.MARKET_TICKS),
                schedules.nextDue(Instant.parse("2026-11-21T10:05:00Z")).datasets());
    }

    @Test
    void a_six_field_expression_has_a_leading_seconds_field_as_the_workers_schedules() {
        OrchestratorSettings settings = new OrchestratorSettings("m", 3, "*/15 * * * *",
                Map.of(Dataset.MARKET_TICKS, "*/10 * * * * *"), Duration.ofHours(6), RETRY);
        DatasetSchedules schedules = new DatasetSchedules(settings, List.of(Dataset.MARKET_TICKS, Dataset.NEWS));

        assertEquals(
                Instant.parse("2026-11-21T10:01:10Z"),
                schedules.next(Dataset.MARKET_TICKS, Instant.parse("2026-11-21T10:01:03Z")));
        assertEquals(
                Instant.parse("2026-11-21T10:15:00Z"),
                schedules.next(Dataset.NEWS, Instant.parse("2026-11-21T10:01:03Z")));
    }

    @Test
    void retry_backoff_doubles_and_is_capped() {
        assertEquals(List.of(30L, 60L, 120L, 240L, 300L, 300L),
                List.of(2, 3, 4, 5, 6, 7).stream().map(a -> RETRY.backoffBefore(a).toSeconds()).toList());
    }
}
