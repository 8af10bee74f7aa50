package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * cleanup deletes only shipped files older than the retention. Regression for the original's cleanup, which
 * deleted by age alone and so could drop data that never reached HDFS.
 */
class SpoolCleanupTest {
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path spool;

    @Test
    void deletes_old_shipped_files_keeps_young_ones_and_removes_the_emptied_date_folder() throws Exception {
        Path oldShipped = file("20261120", "upbit.w1.000000000000-000000000009.jsonl.uploaded", 10);
        Path youngShipped = file("20261129", "upbit.w1.000000000010-000000000019.jsonl.uploaded", 1);

        SpoolCleanup.Result result = cleanup().run(Duration.ofDays(7));

        assertFalse(Files.exists(oldShipped));
        assertFalse(Files.exists(oldShipped.getParent()), "the emptied date folder is removed");
        assertTrue(Files.exists(youngShipped));
        assertEquals(1, result.deletedFiles());
        assertEquals(1, result.removedDirs());
    }

    @Test
    void never_deletes_unshipped_data_however_old() throws Exception {
        Path complete = file("20261101", "upbit.w1.000000000000-000000000009.jsonl", 30);
        Path writing = file("20261101", "upbit.w1.000000000010.jsonl.tmp", 30);
        Path quarantined = file("20261101", "upbit.w1.000000000020.jsonl.corrupt", 30);

        SpoolCleanup.Result result = cleanup().run(Duration.ofDays(7));

        assertTrue(Files.exists(complete));
        assertTrue(Files.exists(writing));
        assertTrue(Files.exists(quarantined));
        assertEquals(0, result.deletedFiles());
        assertEquals(3, result.keptUnshipped());
        assertEquals(0, result.removedDirs());
    }

    @Test
    void keeps_todays_folder_even_when_empty() throws Exception {
        Files.createDirectories(spool.resolve("20261130"));
        Files.createDirectories(spool.resolve("20261128"));

        cleanup().run(Duration.ofDays(7));

        assertTrue(Files.isDirectory(spool.resolve("20261130")), "a writer may be about to use it");
        assertFalse(Files.exists(spool.resolve("20261128")));
    }

    private SpoolCleanup cleanup() {
        return new SpoolCleanup(new SpoolDirectory(spool), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Path file(String day, String name, int daysOld) throws Exception {
        Path dir = Files.createDirectories(spool.resolve(day));
        Path file = Files.writeString(dir.resolve(name), "{}\n");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(daysOld))));
        return file;
    }
}
