package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordKind;
import org.picu.worker.config.SaveTickerConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;

/** The SaveTicker news board: one page, one {@code news} record per card (see {@link SaveTickerParser}). */
public final class SaveTickerSpider implements Spider {
    public static final String NAME = BuiltInSource.SAVETICKER.sourceName();

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
        FetchResponse response = fetcher.get(config.boardUrl());
        Parsed<ObjectNode> parsed = SaveTickerParser.board(response.text(), response.url(), response.fetchedAt(),
                config.maxItems());
        for (ObjectNode payload : parsed.items()) {
            sink.accept(new CrawledRecord(RecordKind.NEWS, response.url().toString(), response.fetchedAt(), payload));
        }
        return new CrawlResult(parsed.items().size(), parsed.rejections());
    }
}
