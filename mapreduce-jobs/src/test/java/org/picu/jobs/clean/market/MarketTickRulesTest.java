package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class MarketTickRulesTest {
    private static final Instant CRAWLED = Instant.parse("2026-11-21T03:00:05Z");
    private final MarketTickRules rules = new MarketTickRules();

    private static ObjectNode payload() {
        ObjectNode p = EnvelopeCodec.newPayload();
        p.put("symbol", "BTC");
        p.put("market", "KRW-BTC");
        p.put("price", 100.0);
        p.put("timestamp", "2026-11-21T03:00:00Z");
        return p;
    }

    private GenericRecord normalize(ObjectNode p) throws MalformedRecordException {
        return rules.clean(
                new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, CRAWLED, "w1", 7, "http://x", p));
    }

    @Test
    void converts_offsets_to_utc_and_keeps_the_envelope_identity() throws Exception {
        ObjectNode p = payload();
        p.put("timestamp", "2026-11-21T12:00:00+09:00");
        GenericRecord t = normalize(p);
        assertEquals((Object) Instant.parse("2026-11-21T03:00:00Z").toEpochMilli(), t.get("timestamp"));
        assertEquals((Object) CRAWLED.toEpochMilli(), t.get("crawled_at"));
        assertEquals("w1", t.get("worker_id"));
        assertEquals(7L, t.get("seq"));
        assertEquals("KRW", t.get("quote_currency"), "quote currency comes from the market code when absent");
    }

    @Test
    void parses_numbers_written_as_text_and_computes_change_against_previous_close() throws Exception {
        ObjectNode p = payload();
        p.put("symbol", " eth ");
        p.put("price", "5,120,000");
        p.put("prev_closing_price", "5,000,000");
        p.put("volume_24h", "-5");
        GenericRecord t = normalize(p);
        assertEquals("ETH", t.get("symbol"));
        assertEquals((Object) 5_120_000.0, t.get("price"));
        assertEquals((Object) 2.4, t.get("change_24h"));
        assertNull(t.get("volume_24h"), "a negative volume becomes null, as in the original's validation");
    }

    @Test
    void a_previous_close_of_zero_gives_no_change_instead_of_infinity() throws Exception {
        ObjectNode p = payload();
        p.put("prev_closing_price", 0);
        assertNull(normalize(p).get("change_24h"));
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
                assertThrows(MalformedRecordException.class, () -> rules.clean(news))
                        .reason());
    }
}
