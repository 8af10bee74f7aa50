package org.picu.worker.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.picu.worker.fetch.BlockedException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Rejection;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.CrawlRunRecord;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl run of one source into an open spool writer, shared by the {@code crawl} command and the
 * daemon: every record waits for room under the spool size cap before it is stored (a stop ends the wait, and
 * the records in hand are stored anyway). Every run, however it ends, is recorded in the {@link CrawlLedger} with
 * its records, rejects by reason and, if it failed, the reason; a run that succeeded also becomes the source's
 * last success. A run fails when it ends in an error, or when it writes no record but rejects some (a source that
 * gives nothing: its most frequent reject reason, e.g. {@code blocked_by_challenge} or {@code layout_changed}, is
 * the failure reason).
 *
 * <p>A site that refuses the crawler (a {@link BlockedException}: bot challenge, IP ban, host cooling down) ends
 * the run with that outcome as a {@link Rejection} in the result instead of an exception: the records stored
 * before it stay, and the run is logged, counted and recorded as failed with that reason. Every run logs its fetch
 * outcomes ({@link Fetcher#outcomes()}).
 */
public final class CrawlRun {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);
    private final SpoolWriter writer;
    private final SpoolCapacity capacity;
    private final CrawlLedger ledger;
    private final Clock clock;
    private final Observer observer;

    /** Told about every run as it is recorded, and about its fetch outcomes: the daemon's metrics. */
    public interface Observer {
        /** Does nothing. */
        Observer NONE = new Observer() {
            @Override
            public void fetched(String source, Map<String, Integer> outcomes) {
            }

            @Override
            public void ran(String source, CrawlRunRecord run) {
            }
        };

        /** The fetcher's outcome counts of one run ({@link Fetcher#outcomes()}), at its end. */
        void fetched(String source, Map<String, Integer> outcomes);

        /** One run as the ledger records it, however it ended. */
        void ran(String source, CrawlRunRecord run);
    }

    public CrawlRun(SpoolWriter writer, SpoolCapacity capacity, CrawlLedger ledger, Clock clock) {
        this(writer, capacity, ledger, clock, Observer.NONE);
    }

    public CrawlRun(SpoolWriter writer, SpoolCapacity capacity, CrawlLedger ledger, Clock clock, Observer observer) {
        this.writer = writer;
        this.capacity = capacity;
        this.ledger = ledger;
        this.clock = clock;
        this.observer = observer;
    }

    /**
     * @param stop polled while the spool is full; when it says stop, the wait ends and the rest of the run
     *     is stored past the cap: the cap pauses crawling, it never discards what was fetched (a site does not
     *     serve a past ticker again)
     */
    public CrawlResult run(Spider spider, Fetcher fetcher, BooleanSupplier stop)
            throws FetchException, SpiderException, IOException {
        Instant started = clock.instant();
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        CrawlResult result;
        try {
            result = spider.crawl(fetcher, record -> {
                if (!stopping.get()) {
                    try {
                        stopping.set(!capacity.awaitRoom(stop));
                    } catch (InterruptedException e) {
                        // restored after the run: an interrupted thread's file channel would refuse the writes
                        interrupted.set(true);
                        stopping.set(true);
                    }
                }
                writer.append(spider.name(), record.kind(), record.crawledAt(), record.url(), record.payload());
                written.incrementAndGet();
            });
        } catch (BlockedException e) {
            result = new CrawlResult((int) written.get(), List.of(new Rejection(e.reason(), e.getMessage())));
        } catch (FetchException | SpiderException | IOException | RuntimeException e) {
            record(
                    spider.name(),
                    new CrawlRunRecord(
                            started,
                            clock.instant(),
                            written.get(),
                            Map.of(),
                            failureReason(e),
                            e.getMessage() == null ? e.getClass().getName() : e.getMessage()));
            throw e;
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
            if (fetcher != null) {
                LOG.info("crawl {}: fetch outcomes {}", spider.name(), fetcher.outcomes());
                observe(() -> observer.fetched(spider.name(), fetcher.outcomes()));
            }
        }
        Instant ended = clock.instant();
        Map<String, Long> rejects = new TreeMap<>();
        for (Rejection r : result.rejections()) {
            rejects.merge(r.reason(), 1L, Long::sum);
        }
        String failure = result.stoppedBy().map(Rejection::reason)
                .orElse(written.get() == 0 && !rejects.isEmpty() ? mostFrequent(rejects) : null);
        record(spider.name(), new CrawlRunRecord(started, ended, written.get(), rejects, failure,
                failure == null ? null : result.rejections().stream().filter(r -> r.reason().equals(failure))
                        .map(Rejection::detail).findFirst().orElse(null)));
        if (failure == null) {
            ledger.recordSuccess(spider.name(), ended);
        }
        long stored = written.get();
        result.stoppedBy().ifPresent(stopped -> LOG.warn("crawl {} stopped: {} ({} records stored before)",
                spider.name(), stopped.detail(), stored));
        return result;
    }

    /** The reason an operator sees for a run that ended in this error. */
    static String failureReason(Exception e) {
        if (e instanceof FetchException f) {
            return f.reason(); // http_<status>, no_answer, or a refusal such as blocked_by_challenge
        }
        if (e instanceof SpiderException) {
            return "layout_changed";
        }
        if (e instanceof IOException) {
            return "io_error";
        }
        return "internal_error";
    }

    /** An observer's failure is logged; it never changes how a run ends. */
    private static void observe(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a run observer failed: {}", e.toString());
        }
    }

    private static String mostFrequent(Map<String, Long> rejects) {
        // ties go to the first reason in alphabetical order, so the same run always reports the same reason
        return rejects.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }

    private void record(String source, CrawlRunRecord run) {
        observe(() -> observer.ran(source, run));
        try {
            ledger.recordRun(source, run);
        } catch (IOException | RuntimeException e) {
            // the history is for the operator; failing to keep it must not fail the run or hide its own error
            LOG.warn("could not record the run of {}: {}", source, e.toString());
        }
    }
}
