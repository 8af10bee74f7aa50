package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class MarketTickNormalizerTest {
    private static final Instant CRAWLED = Instant.parse("2026-11-21T03:00:05Z");
    private final MarketTickNormalizer normalizer = new MarketTickNormalizer();

    private static ObjectNode payload() {
        ObjectNode p = EnvelopeCodec.newPayload();
        p.put("symbol", "BTC");
        p.put("market", "KRW-BTC");
        p.put("price", 100.0);
        p.put("timestamp", "2026-11-21T03:00:00Z");
        return p;
    }

    private CleanMarketTick normalize(ObjectNode p) throws MalformedRecordException {
        return normalizer.normalize(
                new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, CRAWLED, "w1", 7, "http://x", p));
    }

    @Test
    void converts_offsets_to_utc_and_keeps_the_envelope_identity() throws Exception {
        ObjectNode p = payload();
        p.put("timestamp", "2026-11-21T12:00:00+09:00");
        CleanMarketTick t = normalize(p);
        assertEquals(Instant.parse("2026-11-21T03:00:00Z").toEpochMilli(), t.timestamp());
        assertEquals(CRAWLED.toEpochMilli(), t.crawledAt());
        assertEquals("w1", t.workerId());
        assertEquals(7, t.seq());
        assertEquals("KRW", t.quoteCurrency(), "quote currency comes from the market code when absent");
    }

    @Test
    void parses_numbers_written_as_text_and_computes_change_against_previous_close() throws Exception {
        ObjectNode p = payload();
        p.put("symbol", " eth ");
        p.put("price", "5,120,000");
        p.put("prev_closing_price", "5,000,000");
        p.put("volume_24h", "-5");
        CleanMarketTick t = normalize(p);
        assertEquals("ETH", t.symbol());
        assertEquals(5_120_000.0, t.price());
        assertEquals(2.4, t.change24h());
        assertNull(t.volume24h(), "a negative volume becomes null, as in the original's validation");
    }

    @Test
    void a_previous_close_of_zero_gives_no_change_instead_of_infinity() throws Exception {
        ObjectNode p = payload();
        p.put("prev_closing_price", 0);
        assertNull(normalize(p).change24h());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "symbol|B|bad_symbol",
        "symbol|BITCOINCASHSV|bad_symbol",
        "price|abc|bad_number",
        "price|-1|bad_price",
        "timestamp|2026-11-21 03:00:00|bad_timestamp",
        "timestamp|2026-11-25T03:00:00Z|timestamp_in_future",
        "quote_currency|K-R-W|bad_field",
    })
    void rejects_bad_fields_with_a_reason(String field, String value, String reason) {
        ObjectNode p = payload();
        p.put(field, value);
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> normalize(p));
        assertEquals(reason, e.reason());
    }

    @Test
    void rejects_negative_prices_and_missing_fields() {
        ObjectNode negative = payload();
        negative.put("price", -3.0);
        assertEquals("bad_price", assertThrows(MalformedRecordException.class, () -> normalize(negative)).reason());
        ObjectNode noPrice = payload();
        noPrice.remove("price");
        assertEquals("missing_field", assertThrows(MalformedRecordException.class, () -> normalize(noPrice)).reason());
        ObjectNode symbolNumber = payload();
        symbolNumber.put("symbol", 42);
        assertEquals("bad_field", assertThrows(MalformedRecordException.class, () -> normalize(symbolNumber)).reason());
    }

    @Test
    void rejects_records_of_another_kind() {
        RecordEnvelope news =
                new RecordEnvelope(1, "coinness", RecordKind.NEWS, CRAWLED, "w1", 1, "http://x", payload());
        assertEquals(
                "wrong_kind",
                assertThrows(MalformedRecordException.class, () -> normalizer.normalize(news))
                        .reason());
    }

    @Test
    void change_rounding_gives_the_decimal_rule_bit_for_bit() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1_000_000; i++) {
            double x;
            switch (i % 4) {
                case 0 -> x = (random.nextDouble() - 0.5) * 200; // ordinary changes in per cent
                case 1 ->
                    x = (random.nextInt(2_000_001) - 1_000_000 + 0.5) / 100
                            + (random.nextInt(5) - 2) * 1e-12; // at and near ties
                case 2 -> x = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(20) - 6); // every scale
                default -> x = (random.nextInt(2001) - 1000) / 1e5; // rounds to zero or one step, either sign
            }
            assertRoundsAsDecimal(x);
        }
        for (double x : new double[] {
            0.0,
            -0.0,
            0.005,
            -0.005,
            1.005,
            -1.005,
            0.004999,
            -0.004999,
            1e7 + 0.005,
            1e9,
            -1e12,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            Double.MAX_VALUE
        }) {
            assertRoundsAsDecimal(x);
        }
    }

    private static void assertRoundsAsDecimal(double x) {
        double expected = BigDecimal.valueOf(x).setScale(2, RoundingMode.HALF_UP).doubleValue();
        assertEquals(
                Double.doubleToRawLongBits(expected),
                Double.doubleToRawLongBits(MarketTickNormalizer.twoDecimalsHalfUp(x)),
                () -> "x = " + x + ": expected " + expected + ", got " + MarketTickNormalizer.twoDecimalsHalfUp(x));
    }

    @Test
    void the_symbol_and_currency_check_agrees_with_the_rule_as_a_regex_on_random_strings() {
        Pattern symbol = Pattern.compile("[A-Z0-9]{2,10}");
        Pattern currency = Pattern.compile("[A-Z]{2,10}");
        char[] alphabet = "AZaz09@[`{/:-_ \u00c4\u0130\uff21\ud83d\udc0b".toCharArray();
        SplittableRandom random = new SplittableRandom(12);
        for (int n = 0; n < 100_000; n++) {
            char[] chars = new char[random.nextInt(13)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(4) == 0
                        ? alphabet[random.nextInt(alphabet.length)]
                        : (char) random.nextInt('0', 'Z' + 2);
            }
            String s = new String(chars);
            assertEquals(symbol.matcher(s).matches(), MarketTickNormalizer.isCode(s, true), () -> "symbol '" + s + "'");
            assertEquals(
                    currency.matcher(s).matches(), MarketTickNormalizer.isCode(s, false), () -> "currency '" + s + "'");
        }
    }
}
