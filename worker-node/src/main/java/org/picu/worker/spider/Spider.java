package org.picu.worker.spider;

import java.io.IOException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;

/**
 * One source. A spider fetches through the shared {@link Fetcher} (which owns politeness) and hands every
 * record to a {@link RecordSink}; it never writes files itself.
 *
 * <p>To add a source, write a {@code *Spider} class and register it in {@link Spiders}.
 */
public interface Spider {

    /** The source name, used in envelopes, file names and the {@code crawl <source>} command. */
    String name();

    /**
     * Runs one crawl. An item that cannot be parsed is skipped and reported in the result; it does not
     * end the crawl.
     *
     * @throws FetchException when a request the whole crawl depends on fails
     * @throws SpiderException when the site answers in a shape the spider does not understand
     * @throws IOException when the sink cannot store a record
     */
    CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, SpiderException, IOException;
}
