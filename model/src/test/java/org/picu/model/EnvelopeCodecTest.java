package org.picu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvelopeCodecTest {
    private final EnvelopeCodec codec = new EnvelopeCodec();

    private static RecordEnvelope sample() {
        ObjectNode payload = EnvelopeCodec.newPayload();
        payload.put("symbol", "BTC");
        payload.put("price", 143_250_000.0);
        payload.put("note", "비트코인 \"quoted\"\nnext line");
        return new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, Instant.parse("2026-11-22T03:04:05.123Z"),
                "worker-1", 42, "http://127.0.0.1:1234/v1/ticker?markets=KRW-BTC", payload);
    }

    @Test
    void round_trips_through_one_line_of_json() throws Exception {
        String line = codec.toJsonLine(sample());
        assertEquals(-1, line.indexOf('\n'), "a record must be exactly one line even when the payload has newlines");
        assertEquals(sample(), codec.parse(line));
    }

    @Test
    void writes_the_documented_field_names() {
        String line = codec.toJsonLine(sample());
        assertEquals(0, line.indexOf("{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\","
                + "\"crawled_at\":\"2026-11-22T03:04:05.123Z\",\"worker_id\":\"worker-1\",\"seq\":42,"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json at all|bad_json",
                "[1,2]|bad_json",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"2026-11-22T00:00:"
                    + "00Z\",\"worker_id\":\"w\",\"seq\":1,\"url\":\"u\",\"payload\":{\"symbol\":\"BTC\",\"symbol\":\"E"
                    + "TH\"}}|duplicate_key",
                "{\"schema_version\":2,\"source\":\"upbit\"}|unsupported_version",
                "{\"source\":\"upbit\"}|missing_field",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"weather\",\"crawled_at\":\"2026-11-22T00:00:00Z"
                    + "\",\"worker_id\":\"w\",\"seq\":1,\"url\":\"u\",\"payload\":{}}|bad_field",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"yesterday\",\"wor"
                    + "ker_id\":\"w\",\"seq\":1,\"url\":\"u\",\"payload\":{}}|bad_field",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"2026-11-22T00:00:"
                    + "00Z\",\"worker_id\":\"w\",\"seq\":\"1\",\"url\":\"u\",\"payload\":{}}|bad_field",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"2026-11-22T00:00:"
                    + "00Z\",\"worker_id\":\"w\",\"seq\":1,\"url\":\"u\",\"payload\":[]}|missing_field",
                "{\"schema_version\":1,\"source\":\"UP"
                    + " BIT\",\"kind\":\"market_tick\",\"crawled_at\":\"2026-11-22T00:00:00Z\",\"worker_id\":\"w\",\"se"
                    + "q\":1,\"url\":\"u\",\"payload\":{}}|bad_field",
                "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"2026-11-22T00:00:"
                    + "00Z\",\"worker_id\":\"w\",\"seq\":-3,\"url\":\"u\",\"payload\":{}}|bad_field",
            })
    void rejects_malformed_lines_with_a_reason(String line, String reason) {
        MalformedRecordException e = assertThrows(MalformedRecordException.class, () -> codec.parse(line));
        assertEquals(reason, e.reason());
    }
}
