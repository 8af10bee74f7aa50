package org.picu.worker.spider;

import java.io.IOException;
import java.util.List;
import org.picu.model.BuiltInSource;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordKind;
import org.picu.worker.config.PerplexityConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;

/** One {@code news} record per crawl: a bounded, de-noised text snapshot of the finance page. */
public final class PerplexitySpider implements Spider {
    public static final String NAME = BuiltInSource.PERPLEXITY.sourceName();

    private final PerplexityConfig config;

    public PerplexitySpider(PerplexityConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, IOException {
        FetchResponse response = fetcher.get(config.pageUrl());
        try {
            NewsItem item = PerplexityParser.snapshot(response.text(), response.url(), config.maxChars());
            sink.accept(new CrawledRecord(RecordKind.NEWS, response.url().toString(), response.fetchedAt(),
                    item.toPayload()));
            return new CrawlResult(1, List.of());
        } catch (MalformedRecordException e) {
            return new CrawlResult(0, List.of(new Rejection(e.reason(), e.getMessage())));
        }
    }
}
