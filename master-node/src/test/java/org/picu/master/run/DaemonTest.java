package org.picu.master.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.picu.master.config.OrchestratorSettings;
import org.picu.master.config.OrchestratorSettings.RetrySettings;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.master.schedule.Daemon;
import org.picu.master.schedule.DatasetSchedules;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;

/** The daemon loop with a clock that the sleeper moves forward, and the real clean-market job. */
class DaemonTest {

    /** A clock that only moves when the daemon sleeps. */
    private static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void catches_up_at_start_then_sleeps_until_each_cron_fire_time_and_stops_when_interrupted() throws Exception {
        LocalLayout local = new LocalLayout("daemon");
        PartitionDate day = PartitionDate.parse("20261121");
        RawFixtures.upbit(local.fs, local.layout, day, "w1", 1, 3);
        ManualClock clock = new ManualClock(Instant.parse("2026-11-21T10:01:00Z"));
        OrchestratorSettings settings = new OrchestratorSettings("d", 2, "*/15 * * * *", Map.of(), Duration.ofHours(1),
                new RetrySettings(1, Duration.ZERO, Duration.ZERO, Duration.ofHours(1)));
        int[] submitted = {0};
        JobCatalog counting = new JobCatalog(Map.of("clean-market", () -> {
            submitted[0]++;
            return JobCatalog.fromJobJar().newTool("clean-market").orElseThrow();
        }));
        Orchestrator orchestrator = new Orchestrator(
                local.conf, local.fs, local.layout, JobRegistry.standard(), counting, settings, clock, d -> {});
        List<Duration> sleeps = new ArrayList<>();
        Sleeper sleeper = d -> {
            sleeps.add(d);
            if (sleeps.size() == 3) {
                throw new InterruptedException("stop");
            }
            clock.now = clock.now.plus(d);
        };

        Daemon daemon =
                new Daemon(orchestrator, new DatasetSchedules(settings, List.of(Dataset.MARKET_TICKS)), clock, sleeper);
        assertThrows(InterruptedException.class, () -> daemon.run(List.of(Dataset.MARKET_TICKS)));

        assertEquals(List.of(Duration.ofMinutes(14), Duration.ofMinutes(15), Duration.ofMinutes(15)), sleeps);
        assertEquals(1, submitted[0], "the start-up cycle built the day; the scheduled cycles found nothing new");
    }
}
