package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a load now and then again {@code interval} after each one ends, on one daemon thread, for
 * {@code tier2 serve} with {@code load.interval}. Rounds never overlap (fixed delay, one thread), and the load's
 * database lock keeps a concurrent {@code tier2 load} from cron out too. A failing round is logged and the next
 * round tries again: the API must keep serving whatever the loader meets.
 */
public final class IntervalLoader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IntervalLoader.class);
    // A round in progress gets this long to finish its partition; after that the JVM's exit rolls it back anyway.
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    /** One load round, e.g. {@code Tier2Service::load}. */
    @FunctionalInterface
    public interface LoadRound {
        LoadReport load() throws IOException;
    }

    private final ScheduledExecutorService executor;

    private IntervalLoader(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the first round at once. */
    public static IntervalLoader start(LoadRound round, Duration interval) {
        requireNonNull(round, "round is null");
        requireNonNull(interval, "interval is null");
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tier2-interval-loader");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> runOnce(round), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("loading new partitions every {}", interval);
        return new IntervalLoader(executor);
    }

    // Never throws: an exception escaping here would silently cancel every later round.
    private static void runOnce(LoadRound round) {
        try {
            LoadReport report = round.load();
            if (report.failed() > 0) {
                LOG.warn("interval load: {}", report.summary());
            }
        } catch (LoaderBusyException e) {
            LOG.info("interval load skipped: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.error("interval load failed, trying again next round: {}", e.toString(), e);
        }
    }

    /** Lets a round in progress finish (up to a grace period) and stops. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("the interval load did not finish within {}; its open partition is rolled back", STOP_GRACE);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
