package org.picu.worker.spool;

import java.io.IOException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spool size cap ({@code spool.max-bytes}): before a record is stored the crawl asks here; when the
 * unshipped data has reached the cap the crawl pauses, with one clear log line, until uploads have freed
 * space. Nothing is ever deleted to make room.
 */
public final class SpoolCapacity {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolCapacity.class);
    /** Walking the spool costs a directory listing; at most this often. */
    private static final long RECHECK_NANOS = Duration.ofSeconds(1).toNanos();

    private final SpoolDirectory spool;
    private final long maxBytes;
    private final Duration pollInterval;
    private long checkedAtNanos = Long.MIN_VALUE;
    private long unshippedBytes;

    /** @param pollInterval how often to look again while paused */
    public SpoolCapacity(SpoolDirectory spool, long maxBytes, Duration pollInterval) {
        this.spool = spool;
        this.maxBytes = maxBytes;
        this.pollInterval = pollInterval;
    }

    /** True when the unshipped data has reached the cap (looked up at most once a second). */
    public synchronized boolean full() throws IOException {
        long now = System.nanoTime();
        if (checkedAtNanos == Long.MIN_VALUE || now - checkedAtNanos >= RECHECK_NANOS) {
            unshippedBytes = SpoolBacklog.of(spool).unshippedBytes();
            checkedAtNanos = now;
        }
        return unshippedBytes >= maxBytes;
    }

    /**
     * Returns at once while there is room; otherwise logs that crawling is paused and waits until there is
     * room again or {@code stop} says to give up.
     *
     * @return true if there is room, false if stopped while waiting
     */
    public boolean awaitRoom(BooleanSupplier stop) throws IOException, InterruptedException {
        if (!full()) {
            return true;
        }
        LOG.warn("spool {} is full: {} bytes not yet shipped, spool.max-bytes is {}; crawling is paused until"
                + " uploads free space (nothing is deleted)", spool.root(), unshippedBytes, maxBytes);
        long pausedAt = System.nanoTime();
        while (full()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            Thread.sleep(pollInterval.toMillis());
        }
        LOG.warn("spool {} has room again ({} bytes not yet shipped); crawling resumes after a pause of {} s",
                spool.root(), unshippedBytes, Duration.ofNanos(System.nanoTime() - pausedAt).toSeconds());
        return true;
    }

    /** Called after writing, so that a long crawl notices the cap without a new listing per record. */
    public synchronized void wrote(long bytes) {
        unshippedBytes += bytes;
    }
}
