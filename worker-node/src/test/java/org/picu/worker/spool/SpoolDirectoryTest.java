package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.PartitionDate;

class SpoolDirectoryTest {
    @TempDir
    Path root;

    @Test
    void pending_files_are_the_complete_ones_oldest_first() throws Exception {
        touch("20261122/upbit.w1.000000000010-000000000012.jsonl");
        touch("20261121/upbit.w1.000000000003-000000000009.jsonl");
        touch("20261121/upbit.w1.000000000000-000000000002.jsonl.uploaded");
        touch("20261122/upbit.w1.000000000013.jsonl.tmp");
        touch("20261122/notes.txt");
        touch("not-a-day/upbit.w1.000000000020-000000000021.jsonl");
        touch("20261199/upbit.w1.000000000030-000000000031.jsonl");

        List<SpoolFile> pending = new SpoolDirectory(root).pendingFiles();

        assertEquals(List.of("upbit.w1.000000000003-000000000009.jsonl", "upbit.w1.000000000010-000000000012.jsonl"),
                pending.stream().map(f -> f.name().toString()).toList());
        assertEquals(PartitionDate.parse("20261121"), pending.get(0).date());
    }

    @Test
    void mark_uploaded_renames_the_file_so_it_is_no_longer_pending() throws Exception {
        Path file = touch("20261121/upbit.w1.000000000000-000000000002.jsonl");
        SpoolDirectory spool = new SpoolDirectory(root);

        Path marked = spool.markUploaded(spool.pendingFiles().get(0));

        assertEquals("upbit.w1.000000000000-000000000002.jsonl.uploaded", marked.getFileName().toString());
        assertFalse(Files.exists(file));
        assertTrue(spool.pendingFiles().isEmpty());
    }

    @Test
    void only_one_upload_at_a_time_holds_the_upload_lock() throws Exception {
        SpoolDirectory spool = new SpoolDirectory(root);

        try (AutoCloseable first = spool.tryLockForUpload().orElseThrow()) {
            assertTrue(spool.tryLockForUpload().isEmpty());
        }
        try (AutoCloseable again = spool.tryLockForUpload().orElseThrow()) {
            assertTrue(again != null, "free again once the first upload is done");
        }
    }

    @Test
    void a_missing_spool_has_nothing_pending() throws Exception {
        assertTrue(new SpoolDirectory(root.resolve("absent")).pendingFiles().isEmpty());
    }

    private Path touch(String relative) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "{}\n");
    }
}
