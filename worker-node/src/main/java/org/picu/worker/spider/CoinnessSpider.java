package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordKind;
import org.picu.worker.config.CoinnessConfig;
import org.picu.worker.fetch.BlockedException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coinness breaking news from its public JSON feed: {@code ?languageCode=&limit=}, then older pages with the
 * previous page's last {@code lastId}/{@code lastAt}, up to {@code max-pages} requests and {@code max-items}
 * records; one {@code news} record per item (see {@link CoinnessParser}). Items are written once per run even
 * when a page repeats one. A failed first request fails the crawl; a later one only ends the pagination. A site
 * that refuses the crawler ({@link BlockedException}) ends the run with that outcome, keeping what was written.
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
        Set<String> seen = new HashSet<>();
        int records = 0;
        Optional<CoinnessParser.Cursor> cursor = Optional.empty();
        for (int pages = 0; pages < config.maxPages() && records < config.maxItems(); pages++) {
            FetchResponse response;
            try {
                response = fetcher.get(pageUrl(cursor));
            } catch (BlockedException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage())); // the run's outcome: stop asking
                break;
            } catch (FetchException e) {
                if (pages == 0) {
                    throw e;
                }
                rejections.add(new Rejection("fetch_failed", e.getMessage()));
                break;
            }
            CoinnessParser.Page page = CoinnessParser.page(response.body(), response.url());
            rejections.addAll(page.parsed().rejections());
            if (page.entries() == 0) {
                if (pages == 0 && page.parsed().rejections().isEmpty()) {
                    rejections.add(new Rejection("no_data", response.url() + ": the feed answered an empty list"));
                }
                break;
            }
            for (ObjectNode payload : page.parsed().items()) {
                if (records < config.maxItems() && seen.add(payload.get("item_id").asText())) {
                    sink.accept(new CrawledRecord(RecordKind.NEWS, response.url().toString(), response.fetchedAt(),
                            payload));
                    records++;
                }
            }
            if (page.entries() < config.pageSize() || page.last().isEmpty()) {
                break;
            }
            cursor = page.last();
        }
        if (!rejections.isEmpty()) {
            LOG.warn("coinness: {} items rejected, first: {}", rejections.size(), rejections.get(0));
        }
        return new CrawlResult(records, rejections);
    }

    private URI pageUrl(Optional<CoinnessParser.Cursor> cursor) {
        String api = config.apiUrl().toString();
        StringBuilder url = new StringBuilder(api).append(config.apiUrl().getRawQuery() == null ? '?' : '&')
                .append("languageCode=").append(encode(config.language())).append("&limit=").append(config.pageSize());
        cursor.ifPresent(c -> url.append("&lastId=")
                .append(encode(c.lastId()))
                .append("&lastAt=")
                .append(encode(c.lastAt())));
        return URI.create(url.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
