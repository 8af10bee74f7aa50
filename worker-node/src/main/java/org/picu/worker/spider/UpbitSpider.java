package org.picu.worker.spider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.picu.model.BuiltInSource;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordKind;
import org.picu.worker.config.UpbitConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.FetchResponse;
import org.picu.worker.fetch.Fetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upbit tickers from the public quotation API: the market list, then tickers for the chosen markets in
 * batches, one {@code market_tick} record per ticker (payload fields: see {@link UpbitTickerParser}).
 */
public final class UpbitSpider implements Spider {
    public static final String NAME = BuiltInSource.UPBIT.sourceName();
    private static final Logger LOG = LoggerFactory.getLogger(UpbitSpider.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(UpbitTickerParser.EXACT);

    private final UpbitConfig config;
    private final String base;

    public UpbitSpider(UpbitConfig config) {
        this.config = config;
        String url = config.baseUrl().toString();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CrawlResult crawl(Fetcher fetcher, RecordSink sink) throws FetchException, SpiderException, IOException {
        URI listUrl = URI.create(base + "/v1/market/all?isDetails=false");
        JsonNode marketList = array(fetcher.get(listUrl));
        UpbitMarketSelector.Selection selection = UpbitMarketSelector.select(marketList, config.quote(),
                new LinkedHashSet<>(config.symbols()), UpbitConfig.FALLBACK_MARKETS);
        if (selection.markets().isEmpty()) {
            LOG.warn("upbit lists no {} markets; nothing to crawl", config.quote());
        } else if (selection.fallback()) {
            LOG.warn("none of the configured symbols {} is listed for {}; crawling the first {} {} markets instead",
                    config.symbols(), config.quote(), selection.markets().size(), config.quote());
        }
        int records = 0;
        List<Rejection> rejections = new ArrayList<>();
        List<String> markets = selection.markets();
        for (int from = 0; from < markets.size(); from += config.batchSize()) {
            List<String> batch = markets.subList(from, Math.min(from + config.batchSize(), markets.size()));
            URI tickerUrl = URI.create(base + "/v1/ticker?markets=" + String.join(",", batch));
            FetchResponse response = fetcher.get(tickerUrl);
            for (JsonNode ticker : array(response)) {
                try {
                    sink.accept(new CrawledRecord(RecordKind.MARKET_TICK, tickerUrl.toString(), response.fetchedAt(),
                            UpbitTickerParser.toPayload(ticker, config.quote())));
                    records++;
                } catch (MalformedRecordException e) {
                    LOG.warn("upbit: skipped a ticker: {}", e.getMessage());
                    rejections.add(new Rejection(e.reason(), e.getMessage()));
                }
            }
        }
        return new CrawlResult(records, rejections);
    }

    private static JsonNode array(FetchResponse response) throws SpiderException {
        JsonNode tree;
        try {
            tree = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SpiderException(response.url(), "answer is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SpiderException(response.url(), "answer cannot be read: " + e.getMessage());
        }
        if (tree == null || !tree.isArray()) {
            throw new SpiderException(response.url(), "expected a JSON array, got "
                    + (tree == null ? "nothing" : tree.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return tree;
    }
}
