package org.picu.master.schedule;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    private final CycleObserver observer;

    /** Told about every scheduled cycle when it ends: the metrics. */
    public interface CycleObserver {
        /** Does nothing. */
        CycleObserver NONE = (due, report, took) -> { };

        /**
         * @param report empty when the cycle stopped with an error (e.g. HDFS unreachable)
         */
        void cycled(List<Dataset> due, Optional<PassReport> report, Duration took);
    }

    public Daemon(Orchestrator orchestrator, DatasetSchedules schedules, Clock clock, Sleeper sleeper) {
        this(orchestrator, schedules, clock, sleeper, CycleObserver.NONE);
    }

    public Daemon(Orchestrator orchestrator, DatasetSchedules schedules, Clock clock, Sleeper sleeper,
                  CycleObserver observer) {
        this.observer = observer;
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
        long started = System.nanoTime();
        Optional<PassReport> done = Optional.empty();
        try {
            PassReport report = orchestrator.cycle(due);
            done = Optional.of(report);
            LOG.info("Cycle for {}: {} runs, {} failed, {} ms", due, report.runs().size(),
                    report.of(Outcome.Kind.FAILED).size(), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            LOG.error("Cycle for {} stopped: {}; the next cycle tries again", due, e.toString());
        }
        try {
            observer.cycled(due, done, Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.warn("the cycle observer failed: {}", e.toString());
        }
    }
}
