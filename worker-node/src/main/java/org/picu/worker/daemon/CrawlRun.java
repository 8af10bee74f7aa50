package org.picu.worker.daemon;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.picu.worker.fetch.BlockedException;
import java.util.function.BooleanSupplier;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Rejection;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One crawl run of one source into an open spool writer, shared by the {@code crawl} command and the
 * daemon: every record waits for room under the spool size cap before it is stored (a stop ends the wait, and
 * the records in hand are stored anyway), and a run that ends without an exception is recorded in the
 * {@link CrawlLedger}.
 *
 * <p>A site that refuses the crawler (a {@link BlockedException}: bot challenge, IP ban, host cooling down) ends
 * the run with that outcome as a {@link Rejection} in the result instead of an exception: the records stored
 * before it stay, the run is logged and counted, and it is not recorded as a success. Every run logs its fetch
 * outcomes ({@link Fetcher#outcomes()}).
 */
public final class CrawlRun {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);

    private final SpoolWriter writer;
    private final SpoolCapacity capacity;
    private final CrawlLedger ledger;
    private final Clock clock;

    public CrawlRun(SpoolWriter writer, SpoolCapacity capacity, CrawlLedger ledger, Clock clock) {
        this.writer = writer;
        this.capacity = capacity;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * @param stop polled while the spool is full; when it says stop, the wait ends and the rest of the run
     *     is stored past the cap: the cap pauses crawling, it never discards what was fetched (a site does not
     *     serve a past ticker again)
     */
    public CrawlResult run(Spider spider, Fetcher fetcher, BooleanSupplier stop)
            throws FetchException, SpiderException, IOException {
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger stored = new AtomicInteger();
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
                stored.incrementAndGet();
            });
        } catch (BlockedException e) {
            result = new CrawlResult(stored.get(), List.of(new Rejection(e.reason(), e.getMessage())));
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
            if (fetcher != null) {
                LOG.info("crawl {}: fetch outcomes {}", spider.name(), fetcher.outcomes());
            }
        }
        if (result.stoppedBy().isPresent()) {
            LOG.warn("crawl {} stopped: {} ({} records stored before)", spider.name(),
                    result.stoppedBy().get().detail(), result.records());
            return result;
        }
        ledger.recordSuccess(spider.name(), clock.instant());
        return result;
    }
}
