package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

class CleanMarketMapperTest {
    private static final String GOOD = "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\","
            + "\"crawled_at\":\"2026-11-21T03:00:05Z\",\"worker_id\":\"w1\",\"seq\":1,\"url\":\"http://x\","
            + "\"payload\":{\"symbol\":\"BTC\",\"quote_currency\":\"KRW\",\"price\":1.5,\"timestamp\":\"2026-11-21T03:00:00Z\"}}";
    private final CleanMarketMapper mapper = new CleanMarketMapper();

    @Test
    void a_good_line_becomes_a_keyed_clean_tick() throws Exception {
        CleanMarketMapper.Outcome o = mapper.clean(new Text(GOOD), "f.jsonl", 0);
        assertNull(o.rejected());
        assertEquals("upbit|BTC|1795230000000", o.tick().dedupKey());
        assertEquals(o.tick(), CleanMarketTick.fromJson(o.tick().toJson()), "the shuffle form round-trips");
    }

    @Test
    void a_bad_line_becomes_a_reject_that_keeps_the_whole_line_and_where_it_came_from() throws Exception {
        CleanMarketMapper.Outcome o = mapper.clean(new Text("<html>oops</html>"), "upbit.w1.jsonl", 4096);
        assertNull(o.tick());
        var json = new ObjectMapper().readTree(o.rejected().toJson());
        assertEquals("bad_json", json.get("reason").asText());
        assertEquals("<html>oops</html>", json.get("line").asText());
        assertEquals("upbit.w1.jsonl", json.get("input_file").asText());
        assertEquals(4096, json.get("offset").asLong());
    }

    @Test
    void invalid_utf8_is_rejected_and_still_written_as_valid_json() throws Exception {
        Text line = new Text();
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        line.set(bytes);
        CleanMarketMapper.Outcome o = mapper.clean(line, "f", 0);
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
}
