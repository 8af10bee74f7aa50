package org.picu.worker.daemon;

import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolWriter;

/**
 * One crawl run of one source into an open spool writer, shared by the {@code crawl} command and the
 * daemon: every record waits for room under the spool size cap before it is stored (a stop ends the wait, and
 * the records in hand are stored anyway), and a run that ends without an exception is recorded in the
 * {@link CrawlLedger}.
 */
public final class CrawlRun {
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
            });
        } finally {
            if (interrupted.get()) {
                Thread.currentThread().interrupt();
            }
        }
        ledger.recordSuccess(spider.name(), clock.instant());
        return result;
    }
}
