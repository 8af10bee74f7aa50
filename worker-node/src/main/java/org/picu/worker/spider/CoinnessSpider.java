package org.picu.worker.spider;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.model.BuiltInSource;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordKind;
import org.picu.worker.config.CoinnessConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coinness news: list pages (following "next" up to {@code max-pages}), then each article page (up to
 * {@code max-articles}), one {@code news} record per article whose url is the article's own page.
 * An article that fails to load or parse is rejected and the crawl goes on.
 */
public final class CoinnessSpider implements Spider {
    public static final String NAME = BuiltInSource.COINNESS.sourceName();
    private static final Logger LOG = LoggerFactory.getLogger(CoinnessSpider.class);

    private final CoinnessConfig config;

    public CoinnessSpider(CoinnessConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, IOException {
        List<Rejection> rejections = new ArrayList<>();
        List<CoinnessParser.Entry> entries = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        Optional<URI> next = Optional.of(config.startUrl());
        for (int pages = 0; next.isPresent() && pages < config.maxPages(); pages++) {
            // The first list page is required; a later one failing only ends the pagination.
            FetchResponse response;
            try {
                response = fetcher.get(next.get());
            } catch (FetchException e) {
                if (pages == 0) {
                    throw e;
                }
                rejections.add(new Rejection("fetch_failed", e.getMessage()));
                break;
            }
            CoinnessParser.ListPage page = CoinnessParser.list(response.text(), response.url());
            rejections.addAll(page.rejections());
            page.entries().stream().filter(e -> seen.add(e.url())).forEach(entries::add);
            next = page.next().filter(u -> !u.equals(response.url()));
        }
        int records = 0;
        for (CoinnessParser.Entry entry : entries.subList(0, Math.min(entries.size(), config.maxArticles()))) {
            try {
                FetchResponse article = fetcher.get(entry.url());
                sink.accept(new CrawledRecord(RecordKind.NEWS, entry.url().toString(), article.fetchedAt(),
                        CoinnessParser.article(article.text(), entry).toPayload()));
                records++;
            } catch (FetchException e) {
                rejections.add(new Rejection("fetch_failed", e.getMessage()));
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
            }
        }
        if (!rejections.isEmpty()) {
            LOG.warn("coinness: {} items rejected, first: {}", rejections.size(), rejections.get(0));
        }
        return new CrawlResult(records, rejections);
    }
}
