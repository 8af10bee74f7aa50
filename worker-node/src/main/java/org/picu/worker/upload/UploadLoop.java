package org.picu.worker.upload;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.worker.config.UploadConfig;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolBacklog;
import org.picu.worker.spool.SpoolDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's uploader: on its own thread, drains the spool again and again. While HDFS answers it waits
 * {@code upload.interval} between rounds; after a round that could not ship everything it waits
 * {@code upload.backoff-min}, doubling up to {@code upload.backoff-max}, so a NameNode that is down is not
 * hammered and everything drains once it is back. After each round it writes the worker heartbeat (backlog, and
 * per source the last success and the summary of its last runs from the {@link CrawlLedger}). The crawl
 * loop never waits for it.
 */
public final class UploadLoop implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(UploadLoop.class);

    private final SpoolDirectory spool;
    private final HdfsUploader uploader;
    private final HeartbeatWriter heartbeat;
    private final String workerId;
    private final UploadConfig config;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Instant lastUploadAt;
    private volatile int rounds;
    private volatile Consumer<UploadReport> reports = report -> { };

    public UploadLoop(SpoolDirectory spool, HdfsUploader uploader, HeartbeatWriter heartbeat, String workerId,
                      UploadConfig config, Clock clock) {
        this.spool = spool;
        this.uploader = uploader;
        this.heartbeat = heartbeat;
        this.workerId = workerId;
        this.config = config;
        this.clock = clock;
    }

    /** Starts the loop on a daemon thread named {@code uploader}. */
    public Thread start() {
        Thread thread = new Thread(this, "uploader");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void run() {
        Duration backoff = config.backoffMin();
        try {
            while (stop.getCount() > 0) {
                boolean complete = round();
                Duration pause = complete ? config.interval() : backoff;
                backoff = complete ? config.backoffMin() : min(backoff.multipliedBy(2), config.backoffMax());
                if (stop.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /**
     * One drain plus a heartbeat; errors are logged, never thrown, so the loop lives through any outage.
     *
     * @return true if every pending file is now in HDFS
     */
    public boolean round() {
        boolean complete = false;
        try {
            Optional<AutoCloseable> lock = spool.tryLockForUpload();
            if (lock.isEmpty()) {
                LOG.info("another upload of {} is running; this round is skipped", spool.root());
                return true;
            }
            try (AutoCloseable held = lock.get()) {
                UploadReport report = uploader.drain(spool);
                reports.accept(report);
                complete = report.complete();
                if (!report.shipped().isEmpty() || !report.alreadyPresent().isEmpty()) {
                    lastUploadAt = clock.instant();
                }
                if (!complete) {
                    LOG.warn(
                            "upload round incomplete: {}; retrying after a backoff (first error: {})",
                            report.summary(),
                            report.failed().isEmpty()
                                    ? "none"
                                    : report.failed().get(0).message());
                } else if (!report.shipped().isEmpty()) {
                    LOG.info("upload: {}", report.summary());
                }
            }
            writeHeartbeat(complete);
        } catch (Exception e) {
            LOG.warn("upload round failed: {}", e.getMessage() == null ? e.getClass().getName() : e.getMessage());
        } finally {
            rounds++;
        }
        return complete;
    }

    private void writeHeartbeat(boolean hdfsAnswered) {
        try {
            SpoolBacklog backlog = SpoolBacklog.of(spool);
            CrawlLedger ledger = new CrawlLedger(spool.root());
            heartbeat.write(new WorkerHeartbeat(workerId, clock.instant(), lastUploadAt, backlog.pendingFiles(),
                    backlog.pendingBytes(), backlog.pendingByDate().keySet().stream().sorted().findFirst().orElse(null),
                    ledger.lastSuccess(), ledger.summaries()));
        } catch (IOException | RuntimeException e) {
            if (hdfsAnswered) {
                LOG.warn("could not write the heartbeat: {}", e.getMessage());
            } else {
                LOG.debug("could not write the heartbeat while HDFS is unreachable: {}", e.getMessage());
            }
        }
    }

    /** Every round's report goes to {@code consumer} as well (the metrics); it must not throw. */
    public UploadLoop reportTo(Consumer<UploadReport> consumer) {
        this.reports = java.util.Objects.requireNonNull(consumer, "consumer is null");
        return this;
    }

    /** Upload rounds finished so far. */
    public int rounds() {
        return rounds;
    }

    /** Asks the loop to stop after its current round and waits up to {@code timeout} for it. */
    public boolean stop(Duration timeout) throws InterruptedException {
        stop.countDown();
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

}
