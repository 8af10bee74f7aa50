package org.picu.worker.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.spool.SpoolDirectory;

/** The uploader against Hadoop's local file system (standalone mode); HDFS itself is in the ITs. */
class HdfsUploaderTest {
    @TempDir
    Path work;

    private Path spool;
    private Path hdfsRoot;
    private FileSystem fs;
    private HdfsUploader uploader;

    @BeforeEach
    void setUp() throws IOException {
        spool = work.resolve("spool");
        hdfsRoot = Files.createDirectories(work.resolve("hdfs"));
        fs = FileSystem.newInstance(URI.create("file:///"), new Configuration());
        uploader = new HdfsUploader(fs, new HdfsLayout(hdfsRoot.toUri().toString()));
    }

    @AfterEach
    void tearDown() throws IOException {
        fs.close();
    }

    @Test
    void ships_every_complete_file_to_its_raw_partition_and_marks_it_uploaded() throws Exception {
        List<Path> day1 = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3, 2);
        List<Path> day2 = SpoolFixture.write(spool, SpoolFixture.DAY_2, 1);

        UploadReport report = uploader.drain(new SpoolDirectory(spool));

        assertEquals(3, report.shipped().size());
        assertTrue(report.complete());
        assertTrue(report.shipped().get(0).endsWith("/raw/upbit/20261121/upbit.w1.000000000000-000000000002.jsonl"),
                report.shipped().get(0));
        assertTrue(report.shipped().get(2).endsWith("/raw/upbit/20261122/upbit.w1.000000000005-000000000005.jsonl"));
        Path shipped = hdfsRoot.resolve("raw/upbit/20261121/upbit.w1.000000000000-000000000002.jsonl");
        assertEquals(Files.readString(Path.of(day1.get(0) + ".uploaded")), Files.readString(shipped));
        for (Path local : Stream.concat(day1.stream(), day2.stream()).toList()) {
            assertFalse(Files.exists(local));
            assertTrue(Files.exists(Path.of(local + ".uploaded")));
        }
        assertEquals(List.of(), leftovers(".uploading"));
    }

    @Test
    void a_file_shipped_before_a_crash_is_only_marked_not_copied_again() throws Exception {
        Path local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3).get(0);
        Path target = hdfsRoot.resolve("raw/upbit/20261121").resolve(local.getFileName());
        Files.createDirectories(target.getParent());
        Files.copy(local, target);
        long shippedAt = Files.getLastModifiedTime(target).toMillis();

        UploadReport report = uploader.drain(new SpoolDirectory(spool));

        assertEquals(List.of(), report.shipped());
        assertEquals(1, report.alreadyPresent().size());
        assertTrue(Files.exists(Path.of(local + ".uploaded")));
        assertEquals(shippedAt, Files.getLastModifiedTime(target).toMillis());
    }

    @Test
    void a_different_file_under_the_same_name_is_reported_and_both_are_kept() throws Exception {
        Path local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3).get(0);
        Path target = hdfsRoot.resolve("raw/upbit/20261121").resolve(local.getFileName());
        Files.createDirectories(target.getParent());
        Files.writeString(target, "something else\n");

        UploadReport report = uploader.drain(new SpoolDirectory(spool));

        assertEquals(1, report.failed().size());
        assertTrue(
                report.failed().get(0).message().contains("already exists with 15 bytes"),
                report.failed().get(0).message());
        assertTrue(Files.exists(local), "the local file stays for the operator");
        assertEquals("something else\n", Files.readString(target));
    }

    @Test
    void when_hdfs_is_down_files_stay_and_the_drain_stops_after_a_few_failures() throws Exception {
        List<Path> files = SpoolFixture.write(spool, SpoolFixture.DAY_1, 1, 1, 1, 1, 1);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        UploadReport report;
        try (FileSystem down = FileSystem.newInstance(URI.create("hdfs://127.0.0.1:" + port), new Configuration())) {
            report = new HdfsUploader(down, new HdfsLayout("hdfs://127.0.0.1:" + port + "/"))
                    .drain(new SpoolDirectory(spool));
        }

        assertEquals(HdfsUploader.MAX_CONSECUTIVE_FAILURES, report.failed().size());
        assertEquals(2, report.deferred());
        assertFalse(report.complete());
        for (Path file : files) {
            assertTrue(Files.exists(file), file + " is still waiting in the spool");
        }
        assertEquals(5, uploader.drain(new SpoolDirectory(spool)).shipped().size(), "and ships once HDFS is back");
    }

    private List<String> leftovers(String marker) throws IOException {
        try (Stream<Path> files = Files.walk(hdfsRoot)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.contains(marker)).toList();
        }
    }
}
