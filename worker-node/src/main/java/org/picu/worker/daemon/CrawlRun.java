package org.picu.worker.daemon;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
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
 * daemon: every record waits for room under the spool size cap before it is stored, and a run that ends
 * without an exception is recorded in the {@link CrawlLedger}.
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
     * @param stop polled while the spool is full; when it says stop, the run ends with an
     *     {@link InterruptedIOException}
     */
    public CrawlResult run(Spider spider, Fetcher fetcher, BooleanSupplier stop)
            throws FetchException, SpiderException, IOException {
        CrawlResult result = spider.crawl(fetcher, record -> {
            try {
                if (!capacity.awaitRoom(stop)) {
                    throw new InterruptedIOException("stopped while the spool was full");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the spool was full");
            }
            writer.append(spider.name(), record.kind(), record.crawledAt(), record.url(), record.payload());
        });
        ledger.recordSuccess(spider.name(), clock.instant());
        return result;
    }
}
