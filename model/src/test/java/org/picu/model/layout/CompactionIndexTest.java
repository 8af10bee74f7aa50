package org.picu.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompactionIndexTest {
    private static final String A = "upbit.w1.000000000001-000000000003.jsonl";
    private static final String B = "upbit.w1.000000000007-000000000009.jsonl";

    @Test
    void round_trips_through_json_and_names_its_generation() {
        CompactionIndex index = CompactionIndex.EMPTY
                .plus(List.of(new CompactionIndex.Entry(
                        "upbit.w1.h10.v1.jsonl", Instant.parse("2026-12-07T11:10:00Z"), List.of(A))))
                .plus(List.of(new CompactionIndex.Entry(
                        "upbit.w1.h10.v2.jsonl", Instant.parse("2026-12-07T12:10:00Z"), List.of(A, B))));
        assertEquals(index, CompactionIndex.fromJson(index.toJson()));
        assertEquals("_compacted.000002.json", index.fileName());
        assertEquals(Optional.of(2L), CompactionIndex.generationOf(index.fileName()));
        assertEquals(Optional.empty(), CompactionIndex.generationOf("._compacted.000002.json.compacting"));
        assertTrue(index.compacted(B));
        assertEquals("upbit.w1.h10.v2.jsonl", index.latest("upbit", "w1", 10).orElseThrow().file());
        assertFalse(index.latest("upbit", "w2", 10).isPresent());
    }

    @Test
    void rejects_text_that_is_not_an_index() {
        assertThrows(
                IllegalArgumentException.class, () -> CompactionIndex.fromJson("{\"entries\":[{\"file\":\"x\"}]}"));
        assertThrows(IllegalArgumentException.class, () -> CompactionIndex.fromJson("not json"));
    }

    @Test
    void compacted_names_carry_source_worker_hour_and_version_and_differ_from_small_file_names() {
        CompactedFileName name = new CompactedFileName("fear_greed", "pi-w2", 7, 3);
        assertEquals("fear_greed.pi-w2.h07.v3.jsonl", name.toString());
        assertEquals(name, CompactedFileName.parse(name.toString()));
        assertEquals("fear_greed.pi-w2.h07.v4.jsonl", name.next().toString());
        assertFalse(RawFileName.matches(name.toString()));
        assertFalse(CompactedFileName.matches(A));
        assertThrows(IllegalArgumentException.class, () -> new CompactedFileName("upbit", "w1", 24, 1));
    }
}
