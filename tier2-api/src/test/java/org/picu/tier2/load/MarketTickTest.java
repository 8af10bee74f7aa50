package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.junit.jupiter.api.Test;
import org.picu.tier2.testing.MarketTickPartitions;

class MarketTickTest {
    @Test
    void reads_every_field_of_the_avro_record() {
        GenericRecord record = MarketTickPartitions.record("upbit", "BTC", 95_000_000, 94_000_000.0, 1.06, 12.5,
                1.5e9, "2026-11-22T01:02:03.456Z");
        record.put("symbol", new Utf8("BTC")); // what the Parquet reader hands out

        MarketTick tick = MarketTick.fromAvro(record);

        assertEquals(new MarketTick("upbit", "BTC", "KRW", 95_000_000, 94_000_000.0, 1.06, 12.5, 1.5e9,
                Instant.parse("2026-11-22T01:02:03.456Z"), Instant.parse("2026-11-22T01:02:04.956Z")), tick);
    }

    @Test
    void missing_or_non_finite_figures_become_null_but_a_price_must_be_finite() {
        GenericRecord record = MarketTickPartitions.record("upbit", "XRP", 812.5, null, Double.NaN,
                Double.POSITIVE_INFINITY, null, "2026-11-22T00:00:00Z");
        MarketTick tick = MarketTick.fromAvro(record);
        assertNull(tick.prevClosingPrice());
        assertNull(tick.change24h());
        assertNull(tick.volume24h());

        record.put("price", Double.NaN);
        assertThrows(IllegalArgumentException.class, () -> MarketTick.fromAvro(record));
    }
}
