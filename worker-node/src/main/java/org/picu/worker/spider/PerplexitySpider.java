package org.picu.worker.spider;

import java.io.IOException;
import java.util.List;
import org.picu.model.BuiltInSource;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordKind;
import org.picu.worker.config.PerplexityConfig;
import org.picu.worker.fetch.BlockedException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;

/**
 * One {@code news} record per crawl: a bounded, de-noised text snapshot of the finance page, read as the
 * server sends it or, with {@code render: true}, from the DOM headless Chromium builds. A bot check (the live
 * site answers plain clients with 403 and {@code cf-mitigated: challenge}) or any other refusal ends the run
 * with that outcome as its one rejection, never with an exception.
 */
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
        FetchResponse response;
        try {
            response = config.render() ? fetcher.render(config.pageUrl()) : fetcher.get(config.pageUrl());
        } catch (BlockedException e) {
            // Cloudflare answers plain clients with a bot check: an outcome of the run, not an error.
            return new CrawlResult(0, List.of(new Rejection(e.reason(), e.getMessage())));
        } catch (FetchException e) {
            if (e.status() == FetchException.NO_STATUS || e.status() >= 500 || e.status() == 429) {
                throw e; // the site is down or busy: the run failed, the schedule tries again
            }
            // 403, 404, ...: the page refused or moved; counted as this run's outcome
            return new CrawlResult(0, List.of(new Rejection(e.reason(), e.getMessage())));
        }
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
