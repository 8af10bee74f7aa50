package org.picu.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawFileNameTest {

    @Test
    void names_encode_source_worker_and_sequence_range() {
        RawFileName name = new RawFileName("upbit", "worker-1", 7, 42);
        assertEquals("upbit.worker-1.000000000007-000000000042.jsonl", name.toString());
        assertEquals(name, RawFileName.parse(name.toString()));
        assertEquals(36, name.recordCount());
    }

    @Test
    void names_sort_in_sequence_order() {
        List<String> names = new ArrayList<>(List.of(
                new RawFileName("upbit", "w1", 1000, 1999).toString(),
                new RawFileName("upbit", "w1", 2, 999).toString(),
                new RawFileName("upbit", "w1", 0, 1).toString()));
        names.sort(null);
        assertEquals(List.of(0L, 2L, 1000L), names.stream().map(n -> RawFileName.parse(n).firstSeq()).toList());
    }

    @Test
    void temporary_and_foreign_names_are_not_raw_files() {
        assertFalse(RawFileName.matches("upbit.w1.000000000001.jsonl.tmp"));
        assertFalse(RawFileName.matches(".upbit.w1.000000000001-000000000002.jsonl.uploading"));
        assertFalse(RawFileName.matches("upbit_20251206_192539.json"));
        assertTrue(RawFileName.matches("cnn_fear_greed.w-2.000000000001-000000000002.jsonl"));
        assertThrows(IllegalArgumentException.class, () -> RawFileName.parse("upbit.json"));
        assertThrows(IllegalArgumentException.class, () -> new RawFileName("upbit", "w1", 5, 4));
    }

    @Test
    void partition_dates_are_utc_days_written_basic_iso() {
        PartitionDate d = PartitionDate.parse("20261122");
        assertEquals("20261122", d.toString());
        assertEquals(d, PartitionDate.of(java.time.Instant.parse("2026-11-22T23:59:59.999Z")));
        assertEquals("2026-11-23T00:00:00Z", d.end().toString());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PartitionDate.parse("2026-11-22"));
        assertTrue(e.getMessage().contains("YYYYMMDD"));
        assertThrows(IllegalArgumentException.class, () -> PartitionDate.parse("20261332"));
    }

    @Test
    void layout_places_every_stage_under_the_root() {
        HdfsLayout layout = new HdfsLayout("hdfs://nn:9000/");
        PartitionDate d = PartitionDate.parse("20261122");
        assertEquals("hdfs://nn:9000/raw/upbit/20261122", layout.rawDir("upbit", d));
        assertEquals("hdfs://nn:9000/cleaned/market_ticks/20261122", layout.cleanedDir(Dataset.MARKET_TICKS, d));
        assertEquals(
                "/staging/market_ticks/20261122/r1", new HdfsLayout("/").stagingDir(Dataset.MARKET_TICKS, d, "r1"));
    }

    @Test
    void a_layout_under_a_file_system_uri_keeps_the_uri_path() {
        assertEquals("hdfs://nn:9000/", HdfsLayout.under(java.net.URI.create("hdfs://nn:9000"), "/").root());
        assertEquals("hdfs://nn:9000/picu/", HdfsLayout.under(java.net.URI.create("hdfs://nn:9000/"), "/picu").root());
        assertEquals("file:///var/picu/hdfs/raw/upbit",
                HdfsLayout.under(java.net.URI.create("file:///var/picu/hdfs/"), "/").rawSourceDir("upbit"));
    }

    @Test
    void manifests_round_trip_through_json() {
        PartitionManifest m = new PartitionManifest("market_ticks", "20261122", "run-1", 10, 2, 3,
                List.of("part-r-00000.parquet"), List.of("upbit.w1.000000000001-000000000015.jsonl"),
                java.time.Instant.parse("2026-11-22T05:00:00Z"));
        assertEquals(m, PartitionManifest.fromJson(m.toJson()));
        assertThrows(IllegalArgumentException.class, () -> PartitionManifest.fromJson("{}"));
    }
}
