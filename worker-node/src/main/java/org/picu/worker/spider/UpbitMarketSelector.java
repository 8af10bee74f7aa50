package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Chooses which Upbit markets to ask tickers for, from the {@code /v1/market/all} answer.
 *
 * <p>Rule kept from the original spider: the markets of the quote currency whose symbol is configured, in
 * Upbit's order; if none is listed, the first {@code fallbackCount} markets of the quote, so that a run with
 * outdated symbols still produces data.
 */
final class UpbitMarketSelector {
    private UpbitMarketSelector() {
    }

    /**
     * @param marketList the parsed market list (a JSON array of objects with a {@code market} field)
     * @param quote e.g. {@code KRW}
     * @param symbols wanted base symbols, e.g. {@code BTC}
     * @param fallbackCount how many markets of the quote to take when no symbol matches
     */
    static Selection select(JsonNode marketList, String quote, Set<String> symbols, int fallbackCount) {
        String prefix = quote + "-";
        List<String> ofQuote = new ArrayList<>();
        List<String> wanted = new ArrayList<>();
        for (JsonNode entry : marketList) {
            JsonNode market = entry.get("market");
            if (market == null || !market.isTextual() || !market.asText().startsWith(prefix)) {
                continue;
            }
            String code = market.asText();
            ofQuote.add(code);
            if (symbols.contains(code.substring(prefix.length()))) {
                wanted.add(code);
            }
        }
        if (!wanted.isEmpty()) {
            return new Selection(wanted, false);
        }
        return new Selection(ofQuote.subList(0, Math.min(fallbackCount, ofQuote.size())), true);
    }

    /**
     * @param markets market codes to request, e.g. {@code KRW-BTC}
     * @param fallback true when no configured symbol was listed and the first markets were taken instead
     */
    record Selection(List<String> markets, boolean fallback) {
        Selection {
            markets = List.copyOf(markets);
        }
    }
}
