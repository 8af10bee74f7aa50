package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.io.CleaningMapper;
import org.picu.jobs.clean.io.RowWritable;
import org.picu.model.avro.DatasetSchemas;

class CleanMarketMapperTest {
    private static final String GOOD = "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\","
        + "\"crawled_at\":\"2026-11-21T03:00:05Z\",\"worker_id\":\"w1\",\"seq\":1,\"url\":\"http://x\","
        + "\"payload\":{\"symbol\":\"BTC\",\"quote_currency\":\"KRW\",\"price\":1.5,\"timestamp\":\"2026-11-21T03:00:00"
        + "Z\"}}";
    private final MarketTickRules rules = new MarketTickRules();
    private final CleaningMapper mapper = new CleaningMapper(rules);

    @Test
    void a_good_line_becomes_a_keyed_clean_tick() throws Exception {
        CleaningMapper.Outcome o = mapper.clean(new Text(GOOD), "f.jsonl", 0);
        assertNull(o.rejected());
        assertEquals("upbit|BTC|1795230000000", rules.dedupKey(o.row()));
        assertEquals(o.row(), roundTrip(o.row()), "the shuffle form round-trips");
    }

    @Test
    void a_bad_line_becomes_a_reject_that_keeps_the_whole_line_and_where_it_came_from() throws Exception {
        CleaningMapper.Outcome o = mapper.clean(new Text("<html>oops</html>"), "upbit.w1.jsonl", 4096);
        assertNull(o.row());
        var json = new ObjectMapper().readTree(o.rejected().toJson());
        assertEquals("bad_json", json.get("reason").asText());
        assertEquals("<html>oops</html>", json.get("line").asText());
        assertEquals("upbit.w1.jsonl", json.get("input_file").asText());
        assertEquals(4096, json.get("offset").asLong());
    }

    @Test
    void a_repeated_key_anywhere_in_the_line_is_rejected_with_its_own_reason() throws Exception {
        for (String line : List.of(GOOD.replace("\"symbol\":\"BTC\",", "\"symbol\":\"BTC\",\"symbol\":\"ETH\","),
                GOOD.replace("\"seq\":1,", "\"seq\":1,\"seq\":2,"),
                GOOD.replace("\"price\":1.5,", "\"price\":1.5,\"extra\":{\"a\":1,\"a\":2},"))) {
            CleaningMapper.Outcome o = mapper.clean(new Text(line), "f", 0);
            assertNull(o.row(), line);
            assertEquals("duplicate_key", o.rejected().reason(), line);
        }
    }

    @Test
    void invalid_utf8_is_rejected_and_still_written_as_valid_json() throws Exception {
        Text line = new Text();
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        line.set(bytes);
        CleaningMapper.Outcome o = mapper.clean(line, "f", 0);
        assertNotNull(o.rejected());
        assertEquals("bad_encoding", o.rejected().reason());
        assertTrue(new ObjectMapper().readTree(o.rejected().toJson()).get("line").asText().contains("\uFFFD"));
    }

    @Test
    void blank_lines_are_counted_as_rejects_not_dropped() {
        for (String blank : List.of("", "   ")) {
            assertEquals("blank_line", mapper.clean(new Text(blank), "f", 0).rejected().reason());
        }
    }

    @Test
    void a_tick_with_absent_figures_round_trips_through_the_shuffle_form() throws Exception {
        GenericRecord sparse = new GenericData.Record(DatasetSchemas.MARKET_TICK);
        sparse.put("source", "upbit");
        sparse.put("symbol", "ETH");
        sparse.put("quote_currency", "KRW");
        sparse.put("price", 0.0);
        sparse.put("timestamp", 5L);
        sparse.put("crawled_at", 6L);
        sparse.put("worker_id", "w1");
        sparse.put("seq", 7L);
        assertEquals(sparse, roundTrip(sparse));
    }

    private static GenericRecord roundTrip(GenericRecord tick) throws Exception {
        DataOutputBuffer out = new DataOutputBuffer();
        new RowWritable(DatasetSchemas.MARKET_TICK).set(tick).write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(out.getData(), out.getLength());
        RowWritable read = new RowWritable(DatasetSchemas.MARKET_TICK);
        read.readFields(in);
        return read.get();
    }
}
