package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.model.RecordKind;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.fetch.BlockedException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;

/**
 * A news source described in the worker config ({@code sources.declarative}) rather than in Java: list
 * pages from {@code start-url} following {@code next} up to {@code max-pages}, one {@code news} record per
 * element matching {@code item}; or, with {@code format: json}, one feed answer and one record per element of
 * the array at {@code item}. An item without a link gets a content hash as its id. With {@code render: true}
 * HTML pages are read from the headless browser's DOM. A site refusing the crawler ends the run with that
 * outcome as a rejection.
 */
public final class DeclarativeSpider implements Spider {
    private final DeclarativeSourceConfig source;

    public DeclarativeSpider(DeclarativeSourceConfig source) {
        this.source = source;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, IOException {
        List<Rejection> rejections = new ArrayList<>();
        Set<URI> visited = new HashSet<>();
        int records = 0;
        Optional<URI> next = Optional.of(source.startUrl());
        for (int pages = 0; next.isPresent() && pages < source.maxPages() && visited.add(next.get()); pages++) {
            FetchResponse response;
            try {
                response = source.render() ? fetcher.render(next.get()) : fetcher.get(next.get());
            } catch (BlockedException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
                break;
            } catch (FetchException e) {
                if (pages == 0) {
                    throw e;
                }
                rejections.add(new Rejection("fetch_failed", e.getMessage()));
                break;
            }
            DeclarativeParser.Page page = source.json()
                    ? new DeclarativeParser.Page(DeclarativeParser.feed(response.body(), response.url(),
                            response.fetchedAt(), source), Optional.empty())
                    : DeclarativeParser.page(response.text(), response.url(), response.fetchedAt(), source);
            for (ObjectNode payload : page.items().items()) {
                sink.accept(new CrawledRecord(RecordKind.NEWS, response.url().toString(), response.fetchedAt(),
                        payload));
                records++;
            }
            rejections.addAll(page.items().rejections());
            next = page.next();
        }
        return new CrawlResult(records, rejections);
    }
}
