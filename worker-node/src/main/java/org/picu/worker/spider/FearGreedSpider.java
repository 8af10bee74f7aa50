package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordKind;
import org.picu.worker.config.FearGreedConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crypto Fear &amp; Greed index (alternative.me): the JSON API first, the HTML page when the API fails
 * or answers nothing usable. One {@code fear_greed} record per daily value (see {@link FearGreedParser}).
 */
public final class FearGreedSpider implements Spider {
    public static final String NAME = BuiltInSource.FEAR_GREED.sourceName();
    private static final Logger LOG = LoggerFactory.getLogger(FearGreedSpider.class);

    private final FearGreedConfig config;

    public FearGreedSpider(FearGreedConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, IOException {
        URI apiUrl = URI.create(config.apiUrl() + (config.apiUrl().getQuery() == null ? "?" : "&")
                + "limit=" + config.limit());
        List<Rejection> rejections = new ArrayList<>();
        try {
            FetchResponse api = fetcher.get(apiUrl);
            Parsed<ObjectNode> parsed = FearGreedParser.fromApi(api.body());
            rejections.addAll(parsed.rejections());
            if (!parsed.items().isEmpty()) {
                return new CrawlResult(emit(parsed.items(), api, sink), rejections);
            }
            LOG.warn("fear_greed: the API gave no usable value ({}); reading the index page instead", rejections);
        } catch (FetchException e) {
            LOG.warn("fear_greed: the API failed ({}); reading the index page instead", e.getMessage());
            rejections.add(new Rejection("api_failed", e.getMessage()));
        }
        FetchResponse page = fetcher.get(config.pageUrl());
        Parsed<ObjectNode> parsed = FearGreedParser.fromHtml(page.text(), page.fetchedAt());
        rejections.addAll(parsed.rejections());
        return new CrawlResult(emit(parsed.items(), page, sink), rejections);
    }

    private static int emit(List<ObjectNode> payloads, FetchResponse response, RecordSink sink) throws IOException {
        for (ObjectNode payload : payloads) {
            sink.accept(new CrawledRecord(RecordKind.FEAR_GREED, response.url().toString(), response.fetchedAt(),
                    payload));
        }
        return payloads.size();
    }
}
