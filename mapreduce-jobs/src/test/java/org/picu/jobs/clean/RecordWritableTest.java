package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.Arrays;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.Test;

/** The shuffle form: lazy decoding, the combiner's pass-through of undecoded bytes, wrapper reuse. */
class RecordWritableTest {
    private static final CleanMarketTick BTC = new CleanMarketTick("upbit", "BTC", "KRW", 5_120_000.5, 5_000_000.0, 2.41,
            1234.25, null, 77.5, 1_795_230_000_000L, 1_795_230_005_000L, "w1", 17);
    private static final CleanMarketTick ETH = new CleanMarketTick("upbit", "ETH", "KRW", 0, null, null, null, null, null,
            5, 6, "w2", 7);

    @Test
    void a_record_read_and_written_again_without_decoding_keeps_its_exact_bytes() throws Exception {
        byte[] first = bytes(new CleanMarketTickWritable().set(BTC));
        CleanMarketTickWritable passed = new CleanMarketTickWritable();
        read(passed, first);
        assertArrayEquals(first, bytes(passed), "passed through untouched");
        assertEquals(BTC, passed.get(), "and it still decodes to the record");
        assertArrayEquals(first, bytes(passed), "decoding does not change what is written");
    }

    @Test
    void a_reused_wrapper_gives_a_new_record_per_value_so_earlier_ones_can_be_kept() throws Exception {
        CleanMarketTickWritable wrapper = new CleanMarketTickWritable();
        read(wrapper, bytes(new CleanMarketTickWritable().set(BTC)));
        CleanMarketTick kept = wrapper.get();
        read(wrapper, bytes(new CleanMarketTickWritable().set(ETH)));
        assertEquals(ETH, wrapper.get());
        assertEquals(BTC, kept, "the record taken before is unchanged");
        assertNotSame(kept, wrapper.get());
    }

    @Test
    void a_record_set_after_a_read_replaces_the_bytes_read() throws Exception {
        CleanMarketTickWritable wrapper = new CleanMarketTickWritable();
        read(wrapper, bytes(new CleanMarketTickWritable().set(BTC)));
        wrapper.set(ETH);
        assertArrayEquals(bytes(new CleanMarketTickWritable().set(ETH)), bytes(wrapper));
    }

    @Test
    void values_written_back_to_back_are_read_back_in_order() throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        new CleanMarketTickWritable().set(BTC).write(out);
        new CleanMarketTickWritable().set(ETH).write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(out.getData(), out.getLength());
        CleanMarketTickWritable w = new CleanMarketTickWritable();
        w.readFields(in);
        assertEquals(BTC, w.get());
        w.readFields(in);
        assertEquals(ETH, w.get());
        assertEquals(out.getLength(), in.getPosition(), "each value reads exactly its own bytes");
    }

    private static byte[] bytes(RecordWritable<?> w) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        w.write(out);
        return Arrays.copyOf(out.getData(), out.getLength());
    }

    private static void read(RecordWritable<?> w, byte[] bytes) throws Exception {
        DataInputBuffer in = new DataInputBuffer();
        in.reset(bytes, bytes.length);
        w.readFields(in);
    }
}
