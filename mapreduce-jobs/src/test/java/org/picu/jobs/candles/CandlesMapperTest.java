package org.picu.jobs.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.picu.model.avro.DatasetSchemas;

class CandlesMapperTest {
    private static final long DAY = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
    private static final long NEXT = DAY + 86_400_000;

    private static GenericRecord tick(String json) throws Exception {
        return AnalyticsFixtures.record(DatasetSchemas.MARKET_TICK, new ObjectMapper().readTree(json));
    }

    @Test
    void a_tick_of_the_day_is_keyed_by_its_hour_and_timestamp() throws Exception {
        CandleKey key = new CandleKey();
        TickValue value = new TickValue();
        GenericRecord t = tick(
                "{\"source\":\"upbit\",\"symbol\":\"BTC\",\"price\":5.0,\"day_volume\":2.0,"
                    + "\"timestamp\":\"2026-11-21T10:20:00Z\",\"crawled_at\":0,\"quote_currency\":\"KRW\",\"worker_id\""
                    + ":\"w\",\"seq\":1}");
        assertNull(CandlesMapper.keyOf(t, DAY, NEXT, key, value));
        long ts = Instant.parse("2026-11-21T10:20:00Z").toEpochMilli();
        assertEquals(new CandleKey("upbit", "BTC", Instant.parse("2026-11-21T10:00:00Z").toEpochMilli(), ts), key);
        assertEquals(5.0, value.price());
        assertEquals(2.0, value.dayVolume());
    }

    @Test
    void ticks_of_other_days_are_skipped_with_a_reason() throws Exception {
        GenericRecord before = tick(
                "{\"source\":\"upbit\",\"symbol\":\"BTC\",\"price\":5.0,"
                    + "\"timestamp\":\"2026-11-20T23:59:59Z\",\"crawled_at\":0,\"quote_currency\":\"KRW\",\"worker_id\""
                    + ":\"w\",\"seq\":1}");
        GenericRecord after = tick(
                "{\"source\":\"upbit\",\"symbol\":\"BTC\",\"price\":5.0,"
                    + "\"timestamp\":\"2026-11-22T00:00:00Z\",\"crawled_at\":0,\"quote_currency\":\"KRW\",\"worker_id\""
                    + ":\"w\",\"seq\":1}");
        assertEquals("outside_day", CandlesMapper.keyOf(before, DAY, NEXT, new CandleKey(), new TickValue()));
        assertEquals("outside_day", CandlesMapper.keyOf(after, DAY, NEXT, new CandleKey(), new TickValue()));
    }
}
