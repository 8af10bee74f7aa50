package org.picu.jobs.clean.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

class PublishedKeysTest {
    @Test
    void finds_exactly_the_keys_it_was_given() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            keys.add("upbit|BTC|" + i);
        }
        PublishedKeys set = PublishedKeys.of(keys);
        assertEquals(1000, set.size());
        for (String k : keys) {
            assertTrue(set.contains(k), k);
        }
        assertFalse(set.contains("upbit|BTC|1000"));
        assertFalse(set.contains("upbit|ETH|1"));
        assertFalse(PublishedKeys.empty().contains("upbit|BTC|1"));
    }

    @Test
    void survives_the_trip_through_the_keys_file() throws Exception {
        Path dir = LocalHadoop.freshDir("published-keys-file");
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("keys").toUri());
        PublishedKeys.of(List.of("a", "b", "c")).writeTo(fs, file);
        PublishedKeys read = PublishedKeys.readFrom(fs, file);
        assertEquals(3, read.size());
        assertTrue(read.contains("b"));
        assertFalse(read.contains("d"));
    }

    @Test
    void only_published_partitions_within_the_window_count() throws Exception {
        Path root = LocalHadoop.freshDir("published-keys-window");
        Files.createDirectories(root.resolve("cleaned/news/20261120"));
        Files.writeString(
                root.resolve("cleaned/news/20261120/_manifest.json"), manifest("20261120", "part-r-00000.parquet"));
        Files.createDirectories(root.resolve("cleaned/news/20261119"));
        Files.createDirectories(root.resolve("cleaned/news/20261113"));
        Files.writeString(root.resolve("cleaned/news/20261113/_manifest.json"), manifest("20261113", "old.parquet"));

        FileSystem fs = FileSystem.getLocal(new Configuration());
        HdfsLayout layout = new HdfsLayout(root.toUri().toString());
        List<org.apache.hadoop.fs.Path> files = PublishedKeys.previousPartitionFiles(fs, layout, Dataset.NEWS,
                PartitionDate.parse("20261121"), 7);
        assertEquals(List.of("part-r-00000.parquet"), files.stream().map(org.apache.hadoop.fs.Path::getName).toList(),
                "20261119 has no manifest (not published); 20261113 is 8 days back");
    }

    private static String manifest(String date, String file) {
        return "{\"dataset\":\"news\",\"date\":\"" + date
                + "\",\"run_id\":\"r\",\"record_count\":1,\"rejected_count\":0,"
                + "\"duplicate_count\":0,\"data_files\":[\"" + file
                + "\"],\"input_files\":[],\"published_at\":\"2026-11-21T00:00:00Z\"}";
    }
}
