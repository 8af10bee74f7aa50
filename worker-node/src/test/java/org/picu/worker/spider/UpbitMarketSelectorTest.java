package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.worker.config.UpbitConfig;

class UpbitMarketSelectorTest {

    @ParameterizedTest
    @ValueSource(strings = {"market_all_mixed.expected.json", "market_all_mixed.unlisted_symbols.expected.json",
            "market_all_mixed.usdt.expected.json"})
    void selects_the_expected_markets(String expectedFile) throws IOException {
        JsonNode markets = UpbitTickerParserTest.fixture("market_all_mixed.json");
        JsonNode expected = UpbitTickerParserTest.fixture(expectedFile);

        UpbitMarketSelector.Selection selection = UpbitMarketSelector.select(markets, expected.get("quote").asText(),
                texts(expected.get("symbols")), UpbitConfig.FALLBACK_MARKETS);

        assertEquals(new ArrayList<>(texts(expected.get("markets"))), selection.markets());
        assertEquals(expected.get("fallback").asBoolean(), selection.fallback());
    }

    @Test
    void malformed_entries_are_ignored() throws IOException {
        JsonNode markets = UpbitTickerParserTest.JSON.readTree(
                "[{\"market\":\"KRW-BTC\"}, {\"market\":7}, {}, 3, {\"market\":\"KRW-\"}, {\"market\":\"KRW-ETH\"}]");

        UpbitMarketSelector.Selection selection = UpbitMarketSelector.select(markets, "KRW", Set.of("ETH"), 20);

        assertEquals(List.of("KRW-ETH"), selection.markets());
        assertFalse(selection.fallback());
    }

    @Test
    void no_market_of_the_quote_selects_nothing() throws IOException {
        JsonNode markets = UpbitTickerParserTest.JSON.readTree("[{\"market\":\"BTC-ETH\"}]");

        UpbitMarketSelector.Selection selection = UpbitMarketSelector.select(markets, "KRW", Set.of("ETH"), 20);

        assertTrue(selection.markets().isEmpty());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
