package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.clean.CleanFixtures;
import org.picu.model.layout.PartitionManifest;

/** {@code clean-news} through ToolRunner on the local job runner, against fixtures/clean-news. */
class CleanNewsJobTest {
    private static final String DAY = "20261121";
    private static final String PREVIOUS_DAY = "20261120";
    private static final String ITEM_1003_URL = "https://www.coinness.com/news/1003";

    private static Path rootWithFixtureDay(String name) throws Exception {
        Path root = LocalHadoop.freshDir(name);
        CleanFixtures.uploadRaw(CleanFixtures.dir("clean-news").resolve("raw"), root, DAY);
        CleanFixtures.writeInvalidUtf8(
                root.resolve("raw/saveticker/" + DAY), "saveticker.w4.000000000001-000000000001.jsonl");
        return root;
    }

    private static int run(Configuration conf, String day) throws Exception {
        return ToolRunner.run(conf, new CleanNewsJob(), new String[] {day});
    }

    private static List<JsonNode> expectedRows() throws Exception {
        return CleanFixtures.jsonLines(CleanFixtures.dir("clean-news").resolve("expected-news.jsonl"));
    }

    @Test
    void cleans_deduplicates_and_publishes_the_fixture_day_including_every_malformed_line_as_a_reject()
            throws Exception {
        Path root = rootWithFixtureDay("clean-news-publish");
        Configuration conf = LocalHadoop.conf(root);

        assertEquals(0, run(conf, DAY));

        Path partition = root.resolve("cleaned/news/" + DAY);
        assertTrue(Files.exists(partition.resolve("_SUCCESS")));
        PartitionManifest manifest = CleanFixtures.manifest(partition);
        assertEquals(9, manifest.recordCount());
        assertEquals(13, manifest.rejectedCount());
        assertEquals(3, manifest.duplicateCount());
        assertEquals(6, manifest.inputFiles().size(), "every source's files of the day: " + manifest.inputFiles());
        assertEquals(expectedRows(), CleanFixtures.rows(conf, partition, "id"));
        assertEquals(CleanFixtures.sortedLines(CleanFixtures.dir("clean-news").resolve("expected-rejects.txt")),
                CleanFixtures.rejectReasons(partition));
        assertFalse(Files.exists(root.resolve("locks/news." + DAY + ".lock")), "lock released");
        assertEquals(0, CleanFixtures.names(root.resolve("staging/news/" + DAY)).size(), "nothing left in staging");
    }

    /**
     * The six raw files of the day are read by one map task (small files are combined): each reject must
     * still name its own file and the byte offset of its line there.
     */
    @Test
    void every_reject_names_the_raw_file_and_offset_of_its_line_when_files_share_a_map_task() throws Exception {
        Path root = rootWithFixtureDay("clean-news-reject-origin");
        Configuration conf = LocalHadoop.conf(root);

        assertEquals(0, run(conf, DAY));

        Path rawDir = root.resolve("raw");
        List<JsonNode> rejects = new ArrayList<>();
        try (var files = Files.list(root.resolve("cleaned/news/" + DAY + "/_rejects"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                rejects.addAll(CleanFixtures.jsonLines(f));
            }
        }
        assertEquals(13, rejects.size());
        java.util.Set<String> files = new java.util.TreeSet<>();
        for (JsonNode r : rejects) {
            String name = r.get("input_file").asText();
            Path raw;
            try (var found = Files.walk(rawDir)) {
                raw = found.filter(p -> p.getFileName().toString().equals(name)).findFirst()
                        .orElseThrow(() -> new AssertionError("no raw file " + name));
            }
            byte[] bytes = Files.readAllBytes(raw);
            int at = (int) r.get("offset").asLong();
            assertTrue(at == 0 || bytes[at - 1] == '\n', name + "@" + at + " is not the start of a line");
            if (!r.get("reason").asText().equals("bad_encoding")) {
                String line = r.get("line").asText();
                byte[] expected = line.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(line, new String(bytes, at, Math.min(expected.length, bytes.length - at),
                        java.nio.charset.StandardCharsets.UTF_8), name + "@" + at);
            }
            files.add(name);
        }
        assertTrue(files.size() >= 2, "rejects from several files: " + files);
    }

    @Test
    void a_rerun_produces_the_same_records() throws Exception {
        Path root = rootWithFixtureDay("clean-news-rerun");
        Configuration conf = LocalHadoop.conf(root);
        Path partition = root.resolve("cleaned/news/" + DAY);

        assertEquals(0, run(conf, DAY));
        PartitionManifest first = CleanFixtures.manifest(partition);
        List<JsonNode> firstRows = CleanFixtures.rows(conf, partition, "id");
        assertEquals(0, run(conf, DAY));

        assertNotEquals(first.runId(), CleanFixtures.manifest(partition).runId());
        assertEquals(firstRows, CleanFixtures.rows(conf, partition, "id"));
    }

    /** A defect of the original: items written after the day's last run were never cleaned. */
    @Test
    void a_rerun_picks_up_a_raw_file_that_arrived_after_the_previous_run() throws Exception {
        Path root = rootWithFixtureDay("clean-news-late");
        Configuration conf = LocalHadoop.conf(root);
        Path partition = root.resolve("cleaned/news/" + DAY);
        assertEquals(0, run(conf, DAY));

        String late = "coinness.w1.000000000006-000000000006.jsonl";
        Files.writeString(
                root.resolve("raw/coinness/" + DAY + "/" + late),
                "{\"schema_version\":1,\"source\":\"coinness\",\"kind\":\"news\",\"crawled_at\":\"2026-11-21T23:59:30Z"
                    + "\","
                    + "\"worker_id\":\"w1\",\"seq\":6,\"url\":\"https://www.coinness.com/news\",\"payload\":{\"title\":"
                    + "\"자정"
                    + " 직전 속보\",\"url\":\"https://www.coinness.com/news/1999\"}}\n");
        assertEquals(0, run(conf, DAY));

        PartitionManifest manifest = CleanFixtures.manifest(partition);
        assertTrue(
                manifest.inputFiles().contains("raw/coinness/" + DAY + "/" + late),
                "manifest lists the late file: " + manifest.inputFiles());
        List<JsonNode> rows = CleanFixtures.rows(conf, partition, "id");
        assertEquals(10, rows.size());
        assertTrue(rows.containsAll(expectedRows()), "the earlier items are still there");
        assertTrue(rows.stream().anyMatch(r -> r.get("url").asText().equals("https://www.coinness.com/news/1999")));
    }

    @Test
    void an_item_an_earlier_day_published_is_a_duplicate_and_not_published_again() throws Exception {
        Path root = rootWithFixtureDay("clean-news-earlier-day");
        CleanFixtures.uploadRaw(CleanFixtures.dir("clean-news").resolve("raw-previous-day"), root, PREVIOUS_DAY);
        Configuration conf = LocalHadoop.conf(root);
        assertEquals(0, run(conf, PREVIOUS_DAY));
        assertEquals(0, run(conf, DAY));

        Path partition = root.resolve("cleaned/news/" + DAY);
        List<JsonNode> expected = new ArrayList<>(expectedRows());
        expected.removeIf(r -> r.get("url").asText().equals(ITEM_1003_URL));
        assertEquals(expected, CleanFixtures.rows(conf, partition, "id"));
        assertEquals(4, CleanFixtures.manifest(partition).duplicateCount());
    }

    @Test
    void cross_day_dedup_can_be_turned_off() throws Exception {
        Path root = rootWithFixtureDay("clean-news-no-earlier-dedup");
        CleanFixtures.uploadRaw(CleanFixtures.dir("clean-news").resolve("raw-previous-day"), root, PREVIOUS_DAY);
        Configuration conf = LocalHadoop.conf(root);
        conf.setInt(CleanNewsConfigKeys.DEDUP_DAYS, 0);
        assertEquals(0, run(conf, PREVIOUS_DAY));
        assertEquals(0, run(conf, DAY));

        assertEquals(expectedRows(), CleanFixtures.rows(conf, root.resolve("cleaned/news/" + DAY), "id"));
    }

    @Test
    void usage_errors_exit_2() throws Exception {
        Configuration conf = LocalHadoop.conf(LocalHadoop.freshDir("clean-news-usage"));
        assertEquals(2, ToolRunner.run(conf, new CleanNewsJob(), new String[] {}));
        assertEquals(2, ToolRunner.run(conf, new CleanNewsJob(), new String[] {"21-11-2026"}));
    }
}
