package org.picu.jobs.clean.feargreed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class FearGreedRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CRAWLED = Instant.parse("2026-11-21T10:00:00Z");
    private final FearGreedRules rules = new FearGreedRules();

    private GenericRecord clean(String payload) throws Exception {
        return rules.clean(new RecordEnvelope(1, "fear_greed", RecordKind.FEAR_GREED, CRAWLED, "w1", 3,
                "https://api.alternative.me/fng/", (ObjectNode) JSON.readTree(payload)));
    }

    private String reason(String payload) {
        return assertThrows(MalformedRecordException.class, () -> clean(payload)).reason();
    }

    /** A defect of the original: its value parser failed on a JSON int, so no reading was ever stored. */
    @Test
    void a_value_may_be_a_json_int_numeric_text_or_a_whole_decimal() throws Exception {
        assertEquals(45, clean("{\"value\":45,\"timestamp\":\"2026-11-21T00:00:00Z\"}").get("value"));
        assertEquals(45, clean("{\"value\":\" 45 \",\"timestamp\":\"2026-11-21T00:00:00Z\"}").get("value"));
        assertEquals(80, clean("{\"value\":80.0,\"timestamp\":\"2026-11-21T00:00:00Z\"}").get("value"));
    }

    @Test
    void values_outside_0_to_100_fractions_and_non_numbers_are_rejected() {
        assertEquals("bad_value", reason("{\"value\":101,\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
        assertEquals("bad_value", reason("{\"value\":-1,\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
        assertEquals("bad_value", reason("{\"value\":45.5,\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
        assertEquals("bad_number", reason("{\"value\":\"high\",\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
        assertEquals("bad_number", reason("{\"value\":[45],\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
        assertEquals("missing_field", reason("{\"timestamp\":\"2026-11-21T00:00:00Z\"}"));
    }

    /** A defect of the original: its spider and pipeline used different thresholds; the site's own label is ignored. */
    @Test
    void the_classification_comes_from_the_one_threshold_table_whatever_the_site_says() throws Exception {
        int[][] edges = {{0, 0}, {25, 0}, {26, 1}, {45, 1}, {46, 2}, {55, 2}, {56, 3}, {75, 3}, {76, 4}, {100, 4}};
        String[] labels = {"Extreme Fear", "Fear", "Neutral", "Greed", "Extreme Greed"};
        for (int[] e : edges) {
            assertEquals(
                    labels[e[1]],
                    clean("{\"value\":" + e[0]
                                    + ",\"classification\":\"Neutral\",\"timestamp\":\"2026-11-21T00:00:00Z\"}")
                            .get("classification"),
                    "value " + e[0]);
        }
    }

    @Test
    void timestamps_are_iso_with_an_offset_or_epoch_seconds_or_milliseconds_and_end_up_utc() throws Exception {
        long midnight = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
        Object m = midnight;
        assertEquals(m, clean("{\"value\":1,\"timestamp\":\"2026-11-21T09:00:00+09:00\"}").get("timestamp"));
        assertEquals(m, clean("{\"value\":1,\"timestamp\":\"" + midnight / 1000 + "\"}").get("timestamp"));
        assertEquals(m, clean("{\"value\":1,\"timestamp\":" + midnight + "}").get("timestamp"));
        assertEquals("bad_timestamp", reason("{\"value\":1,\"timestamp\":\"2026-11-21T00:00:00\"}"));
        assertEquals("timestamp_in_future", reason("{\"value\":1,\"timestamp\":\"2026-11-23T00:00:00Z\"}"));
    }

    @Test
    void the_raw_source_is_published_under_the_schemas_name_and_html_readings_lose_ties() throws Exception {
        GenericRecord html = clean("{\"value\":1,\"timestamp\":\"2026-11-21T00:00:00Z\",\"via\":\"html\"}");
        assertEquals("cnn_fear_greed", html.get("source"));
        assertFalse((Boolean) html.get("via_api"));
        GenericRecord api = new GenericData.Record((GenericData.Record) html, true);
        api.put("worker_id", "w9");
        api.put("seq", 9L);
        api.put("via_api", true);
        assertEquals(
                -1,
                FearGreedRules.WINNER_FIRST.compare(api, html),
                "an API reading beats an HTML one crawled at the same time");
    }
}
