package org.picu.worker.spider;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.picu.model.BuiltInSource;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordKind;
import org.picu.worker.config.SaveTickerConfig;
import org.picu.worker.fetch.BlockedException;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SaveTicker news from its JSON API (see {@link SaveTickerParser}): the top stories, then up to {@code max-pages}
 * pages of {@code /api/news/list?page=&page_size=&sort=created_at_desc}, then for each item (up to
 * {@code max-items}) its detail, since the lists hold only a preview of the text. The list endpoint was reported
 * retired in mid-2026: when it answers 404/410 ({@code endpoint_gone}) or something that is not a news list, that
 * is logged and counted once and the run goes on with the top stories. A failed top-stories request fails the
 * crawl; a failed detail rejects that item only. A site that refuses the crawler ({@link BlockedException}: bot
 * challenge, ban, cool-down) ends the run with that outcome, keeping what was written.
 */
public final class SaveTickerSpider implements Spider {
    public static final String NAME = BuiltInSource.SAVETICKER.sourceName();
    private static final Logger LOG = LoggerFactory.getLogger(SaveTickerSpider.class);

    private final SaveTickerConfig config;

    public SaveTickerSpider(SaveTickerConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, IOException {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, SaveTickerParser.Entry> entries = new LinkedHashMap<>();
        FetchResponse top;
        try {
            top = fetcher.get(api("/api/news/top-stories"));
        } catch (BlockedException e) {
            return new CrawlResult(0, List.of(new Rejection(e.reason(), e.getMessage())));
        }
        SaveTickerParser.ListPage stories = SaveTickerParser.list(top.body(), top.url());
        rejections.addAll(stories.rejections());
        if (stories.readable() && stories.size() == 0) {
            rejections.add(new Rejection("no_data", top.url() + ": no top stories"));
        }
        stories.entries().forEach(e -> entries.putIfAbsent(e.id(), e));
        for (int page = 1; page <= config.maxPages() && entries.size() < config.maxItems(); page++) {
            URI url = api("/api/news/list?page=" + page + "&page_size=" + config.pageSize() + "&sort=created_at_desc");
            FetchResponse response;
            try {
                response = fetcher.get(url);
            } catch (BlockedException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
                return finish(0, rejections);
            } catch (FetchException e) {
                boolean gone = e.status() == 404 || e.status() == 410;
                rejections.add(new Rejection(gone ? "endpoint_gone" : "fetch_failed", e.getMessage()));
                LOG.warn("saveticker: the news list is {}; going on with the top stories: {}",
                        gone ? "gone" : "unavailable", e.getMessage());
                break;
            }
            SaveTickerParser.ListPage list = SaveTickerParser.list(response.body(), response.url());
            rejections.addAll(list.rejections());
            if (!list.readable()) {
                LOG.warn("saveticker: the news list answered no news list; going on with the top stories: {}",
                        list.rejections().get(0).detail());
                break;
            }
            list.entries().forEach(e -> entries.putIfAbsent(e.id(), e));
            if (list.size() < config.pageSize()) {
                break;
            }
        }
        int records = 0;
        for (SaveTickerParser.Entry entry : entries.values()) {
            if (records >= config.maxItems()) {
                break;
            }
            URI url = api("/api/news/detail/" + entry.id());
            try {
                FetchResponse detail = fetcher.get(url);
                sink.accept(new CrawledRecord(RecordKind.NEWS, detail.url().toString(), detail.fetchedAt(),
                        SaveTickerParser.withDetail(entry, detail.body(), detail.url()).toPayload()));
                records++;
            } catch (BlockedException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage())); // the run's outcome: stop asking
                break;
            } catch (FetchException e) {
                boolean gone = e.status() == 404 || e.status() == 410;
                rejections.add(new Rejection(gone ? "deleted" : "fetch_failed", e.getMessage()));
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
            }
        }
        return finish(records, rejections);
    }

    private static CrawlResult finish(int records, List<Rejection> rejections) {
        if (!rejections.isEmpty()) {
            LOG.warn("saveticker: {} items rejected, first: {}", rejections.size(), rejections.get(0));
        }
        return new CrawlResult(records, rejections);
    }

    private URI api(String pathAndQuery) {
        String root = config.apiUrl().toString();
        return URI.create((root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + pathAndQuery);
    }
}
