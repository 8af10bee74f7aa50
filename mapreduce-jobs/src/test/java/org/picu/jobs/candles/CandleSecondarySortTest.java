package org.picu.jobs.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.io.WritableComparator;
import org.junit.jupiter.api.Test;

/** The three parts of the secondary sort: full-key order, candle-only partitioning and grouping. */
class CandleSecondarySortTest {
    private static final long HOUR = 3_600_000;

    @Test
    void the_sort_order_is_source_symbol_hour_then_timestamp() {
        List<CandleKey> keys = new ArrayList<>(List.of(
                new CandleKey("upbit", "ETH", HOUR, HOUR + 5),
                new CandleKey("upbit", "BTC", 2 * HOUR, 2 * HOUR + 1),
                new CandleKey("upbit", "BTC", HOUR, HOUR + 9),
                new CandleKey("upbit", "BTC", HOUR, HOUR + 2),
                new CandleKey("bithumb", "BTC", HOUR, HOUR + 1)));
        keys.sort(null);
        assertEquals(List.of(
                new CandleKey("bithumb", "BTC", HOUR, HOUR + 1),
                new CandleKey("upbit", "BTC", HOUR, HOUR + 2),
                new CandleKey("upbit", "BTC", HOUR, HOUR + 9),
                new CandleKey("upbit", "BTC", 2 * HOUR, 2 * HOUR + 1),
                new CandleKey("upbit", "ETH", HOUR, HOUR + 5)), keys);
    }

    @Test
    void grouping_ignores_the_timestamp_but_not_the_hour_or_symbol() {
        WritableComparator grouping = new CandleGroupingComparator();
        CandleKey a = new CandleKey("upbit", "BTC", HOUR, HOUR + 1);
        assertEquals(0, grouping.compare(a, new CandleKey("upbit", "BTC", HOUR, HOUR + 3_599_999)));
        assertTrue(grouping.compare(a, new CandleKey("upbit", "BTC", 2 * HOUR, 2 * HOUR)) < 0);
        assertTrue(grouping.compare(a, new CandleKey("upbit", "ADA", HOUR, HOUR + 1)) > 0);
    }

    @Test
    void grouping_works_on_serialized_keys_as_the_shuffle_uses_it() throws IOException {
        WritableComparator grouping = new CandleGroupingComparator();
        byte[] a = bytes(new CandleKey("upbit", "BTC", HOUR, HOUR + 1));
        byte[] b = bytes(new CandleKey("upbit", "BTC", HOUR, HOUR + 2));
        byte[] c = bytes(new CandleKey("upbit", "BTC", 2 * HOUR, 2 * HOUR));
        assertEquals(0, grouping.compare(a, 0, a.length, b, 0, b.length));
        assertNotEquals(0, grouping.compare(a, 0, a.length, c, 0, c.length));
    }

    @Test
    void every_tick_of_a_candle_goes_to_the_same_partition() {
        for (int partitions : new int[] {1, 2, 7}) {
            int first = CandlePartitioner.partitionOf(new CandleKey("upbit", "BTC", HOUR, HOUR), partitions);
            for (long t = HOUR; t < 2 * HOUR; t += 60_000) {
                assertEquals(
                        first,
                        new CandlePartitioner()
                                .getPartition(new CandleKey("upbit", "BTC", HOUR, t), new TickValue(), partitions));
            }
            assertTrue(first >= 0 && first < partitions);
        }
    }

    @Test
    void key_and_value_survive_serialization() throws IOException {
        CandleKey key = new CandleKey("upbit", "비트", HOUR, HOUR + 7);
        CandleKey copy = new CandleKey();
        copy.readFields(new DataInputStream(new ByteArrayInputStream(bytes(key))));
        assertEquals(key, copy);

        TickValue value = new TickValue(5.5, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        value.write(new DataOutputStream(out));
        TickValue read = new TickValue(1, 1.0);
        read.readFields(new DataInputStream(new ByteArrayInputStream(out.toByteArray())));
        assertEquals(5.5, read.price());
        assertEquals(null, read.dayVolume());
    }

    private static byte[] bytes(CandleKey key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        key.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
