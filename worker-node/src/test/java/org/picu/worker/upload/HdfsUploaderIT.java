package org.picu.worker.upload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.CompactionIndex;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.spool.SpoolDirectory;

/** The uploader against a real (mini) HDFS: shipping, a re-upload after a crash, a NameNode outage. */
class HdfsUploaderIT {
    private static MiniDFSCluster cluster;

    @TempDir
    java.nio.file.Path work;

    private java.nio.file.Path spool;
    private FileSystem fs;
    private String root;

    @BeforeAll
    static void startHdfs() throws IOException {
        cluster = MiniHdfs.start("uploader");
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        spool = work.resolve("spool");
        fs = cluster.getFileSystem();
        // Each test gets its own root, so the tests do not see each other's files.
        root = cluster.getURI() + "/t" + System.nanoTime();
    }

    @Test
    void ships_files_into_raw_partitions_with_no_uploading_file_left() throws Exception {
        List<java.nio.file.Path> local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3, 2);

        UploadReport report = uploader().drain(new SpoolDirectory(spool));

        assertEquals(2, report.shipped().size(), report.summary());
        Path dir = new Path(root + "/raw/upbit/20261121");
        assertEquals(List.of("upbit.w1.000000000000-000000000002.jsonl", "upbit.w1.000000000003-000000000004.jsonl"),
                names(dir));
        assertArrayEquals(Files.readAllBytes(java.nio.file.Path.of(local.get(0) + ".uploaded")),
                read(new Path(dir, "upbit.w1.000000000000-000000000002.jsonl")));
        assertTrue(new SpoolDirectory(spool).pendingFiles().isEmpty());
    }

    @Test
    void a_reupload_after_a_crash_between_rename_and_mark_is_not_duplicated() throws Exception {
        java.nio.file.Path local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3).get(0);
        uploader().drain(new SpoolDirectory(spool));
        // The crash: HDFS has the file but the worker died before renaming its local copy.
        Files.move(java.nio.file.Path.of(local + ".uploaded"), local);

        UploadReport report = uploader().drain(new SpoolDirectory(spool));

        assertEquals(0, report.shipped().size());
        assertEquals(1, report.alreadyPresent().size());
        assertEquals(
                List.of("upbit.w1.000000000000-000000000002.jsonl"), names(new Path(root + "/raw/upbit/20261121")));
        assertTrue(Files.exists(java.nio.file.Path.of(local + ".uploaded")));
    }

    @Test
    void a_reupload_of_a_file_compacted_and_deleted_since_is_recognised_from_the_index_and_not_shipped_again()
            throws Exception {
        java.nio.file.Path local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3).get(0);
        uploader().drain(new SpoolDirectory(spool));
        String name = local.getFileName().toString();
        Path dir = new Path(root + "/raw/upbit/20261121");
        // What the orchestrator's compaction leaves: the hour's file, the index naming the small file, no small file.
        fs.rename(new Path(dir, name), new Path(dir, "upbit.w1.h10.v1.jsonl"));
        CompactionIndex index = CompactionIndex.EMPTY.plus(List.of(new CompactionIndex.Entry("upbit.w1.h10.v1.jsonl",
                Instant.parse("2026-11-21T11:10:00Z"), List.of(name))));
        try (OutputStream out = fs.create(new Path(dir, index.fileName()))) {
            out.write(index.toJson().getBytes(StandardCharsets.UTF_8));
        }
        Files.move(java.nio.file.Path.of(local + ".uploaded"), local);

        UploadReport report = uploader().drain(new SpoolDirectory(spool));

        assertEquals(0, report.shipped().size(), report.summary());
        assertEquals(1, report.alreadyPresent().size());
        assertEquals(List.of("_compacted.000001.json", "upbit.w1.h10.v1.jsonl"), names(dir));
        assertTrue(Files.exists(java.nio.file.Path.of(local + ".uploaded")));
    }

    @Test
    void a_partial_uploading_file_from_a_crash_is_replaced() throws Exception {
        java.nio.file.Path local = SpoolFixture.write(spool, SpoolFixture.DAY_1, 3).get(0);
        Path dir = new Path(root + "/raw/upbit/20261121");
        try (OutputStream out = fs.create(new Path(dir, "." + local.getFileName() + ".uploading"))) {
            out.write("{\"schema_version\":1,\"sou".getBytes(StandardCharsets.UTF_8));
        }

        UploadReport report = uploader().drain(new SpoolDirectory(spool));

        assertEquals(1, report.shipped().size());
        assertEquals(List.of(local.getFileName().toString()), names(dir));
        assertEquals(Files.size(java.nio.file.Path.of(local + ".uploaded")),
                fs.getFileStatus(new Path(dir, local.getFileName().toString())).getLen());
    }

    private HdfsUploader uploader() {
        return new HdfsUploader(fs, new HdfsLayout(root));
    }

    /** Every name in the directory, hidden ones included, so that a leftover .uploading would show. */
    private List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus status : fs.listStatus(dir)) {
            names.add(status.getPath().getName());
        }
        names.sort(null);
        return names;
    }

    private byte[] read(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }
}
