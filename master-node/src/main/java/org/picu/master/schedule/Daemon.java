package org.picu.master.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.picu.master.run.Orchestrator;
import org.picu.master.run.Outcome;
import org.picu.master.run.PassReport;
import org.picu.master.run.Sleeper;
import org.picu.model.layout.Dataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code picu-master daemon}: sleeps until the next dataset is due, runs a cycle for the datasets due,
 * repeats. Cycles never overlap (one thread), unlike the original orchestrator's bunched runs; a cycle
 * that overruns the next fire time simply starts the next cycle at once. HDFS being unreachable ends the
 * cycle, not the daemon.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Orchestrator orchestrator;
    private final DatasetSchedules schedules;
    private final Clock clock;
    private final Sleeper sleeper;

    public Daemon(Orchestrator orchestrator, DatasetSchedules schedules, Clock clock, Sleeper sleeper) {
        this.orchestrator = orchestrator;
        this.schedules = schedules;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Runs until interrupted (SIGTERM from systemd interrupts it through the shutdown hook). The first cycle
     * runs at once for every dataset, so a restart catches up instead of waiting for the next fire time;
     * it is cheap when nothing is out of date.
     */
    public void run(List<Dataset> all) throws InterruptedException {
        Instant last = clock.instant();
        cycle(all);
        while (!Thread.currentThread().isInterrupted()) {
            DatasetSchedules.Due due = schedules.nextDue(last);
            Duration wait = Duration.between(clock.instant(), due.at());
            if (!wait.isNegative()) {
                sleeper.sleep(wait);
            }
            last = due.at();
            cycle(due.datasets());
        }
    }

    private void cycle(List<Dataset> due) throws InterruptedException {
        long began = System.nanoTime();
        try {
            PassReport report = orchestrator.cycle(due);
            LOG.info("Cycle for {}: {} runs, {} failed, {} ms", due, report.runs().size(),
                    report.of(Outcome.Kind.FAILED).size(), (System.nanoTime() - began) / 1_000_000);
        } catch (IOException e) {
            LOG.error("Cycle for {} stopped: {}; the next cycle tries again", due, e.toString());
        }
    }
}
