package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.picu.model.MalformedRecordException;

/** Runs the parser over each fixture in {@code fixtures/upbit/} and compares with the expected file beside it. */
class UpbitTickerParserTest {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Numbers are equal by value (4095 equals 4095.0); everything else by Jackson's equality. */
    static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    @ParameterizedTest
    @ValueSource(strings = {"ticker_majors", "ticker_damaged", "ticker_no_prev_close", "ticker_usdt_quote",
            "ticker_eight_decimals"})
    void fixture_produces_the_expected_payloads_and_rejections(String fixture) throws IOException {
        JsonNode tickers = fixture(fixture + ".json");
        JsonNode expected = fixture(fixture + ".expected.json");
        String quote = expected.get("quote").asText();

        List<JsonNode> payloads = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (JsonNode ticker : tickers) {
            try {
                payloads.add(UpbitTickerParser.toPayload(ticker, quote));
            } catch (MalformedRecordException e) {
                rejected.add(e.reason());
            }
        }

        assertEquals(expected.get("records").size(), payloads.size(), "record count of " + fixture);
        for (int i = 0; i < payloads.size(); i++) {
            JsonNode want = expected.get("records").get(i);
            assertTrue(want.equals(BY_VALUE, payloads.get(i)),
                    fixture + " record " + i + "\nexpected " + want + "\n     got " + payloads.get(i));
        }
        List<String> wantRejected = new ArrayList<>();
        expected.get("rejected").forEach(r -> wantRejected.add(r.asText()));
        assertEquals(wantRejected, rejected, "rejections of " + fixture);
    }

    @Test
    void payload_fields_are_named_and_ordered_as_documented() throws Exception {
        JsonNode payload = UpbitTickerParser.toPayload(fixture("ticker_majors.json").get(0), "KRW");

        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("symbol", "market", "quote_currency", "price", "prev_closing_price", "change_24h",
                "volume_24h", "acc_trade_price_24h", "day_volume", "timestamp"), names);
    }

    /** Regression for the original's market_cap label: the 24 h traded value keeps its Upbit name. */
    @Test
    void traded_value_is_not_called_market_cap() throws Exception {
        JsonNode payload = UpbitTickerParser.toPayload(fixture("ticker_majors.json").get(0), "KRW");

        assertTrue(payload.has("acc_trade_price_24h"));
        assertTrue(!payload.has("market_cap"));
    }

    @Test
    void prices_are_written_as_plain_decimals_not_scientific_notation() throws Exception {
        JsonNode payload = UpbitTickerParser.toPayload(fixture("ticker_majors.json").get(0), "KRW");

        String json = new ObjectMapper().writeValueAsString(payload);
        assertTrue(json.contains("\"price\":131245000,"), json);
        assertTrue(json.contains("\"timestamp\":\"2026-11-21T03:04:05.123Z\""), json);
    }

    /** Upbit writes many numbers with eight decimals; read as the spider reads them, they stay exactly that. */
    @Test
    void eight_decimal_numbers_are_kept_exactly_as_upbit_sent_them() throws Exception {
        ObjectMapper spiderJson = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(UpbitTickerParser.EXACT);
        JsonNode tickers;
        try (InputStream in =
                UpbitTickerParserTest.class.getResourceAsStream("/fixtures/upbit/ticker_eight_decimals.json")) {
            tickers = spiderJson.readTree(in);
        }

        JsonNode btc = UpbitTickerParser.toPayload(tickers.get(0), "KRW");
        JsonNode shib = UpbitTickerParser.toPayload(tickers.get(1), "KRW");

        assertEquals(new BigDecimal("162876000.00000000"), btc.get("price").decimalValue(), "value and scale");
        assertEquals(new BigDecimal("201483920331.84512000"), btc.get("acc_trade_price_24h").decimalValue());
        String json = new ObjectMapper().writeValueAsString(btc) + new ObjectMapper().writeValueAsString(shib);
        assertTrue(json.contains("\"price\":162876000.00000000,"), json);
        assertTrue(json.contains("\"price\":0.01834000,"), json);
        assertTrue(json.contains("\"volume_24h\":218540998120.55190000,"), json);
        assertTrue(!json.contains("E+") && !json.contains("E-"), "no scientific notation: " + json);
    }

    @Test
    void change_is_rounded_half_up_to_two_places() {
        assertEquals(
                new BigDecimal("0.01"),
                UpbitTickerParser.changePercent(new BigDecimal("100.005"), new BigDecimal("100")));
        assertEquals(
                new BigDecimal("-0.01"),
                UpbitTickerParser.changePercent(new BigDecimal("99.995"), new BigDecimal("100")));
        assertEquals(new BigDecimal("0.00"), UpbitTickerParser.changePercent(new BigDecimal("5"), BigDecimal.ZERO));
        assertEquals(
                new BigDecimal("0.00"), UpbitTickerParser.changePercent(new BigDecimal("5"), new BigDecimal("-1")));
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = UpbitTickerParserTest.class.getResourceAsStream("/fixtures/upbit/" + name)) {
            if (in == null) {
                throw new IOException("fixture fixtures/upbit/" + name + " is missing");
            }
            return JSON.readTree(in);
        }
    }
}
