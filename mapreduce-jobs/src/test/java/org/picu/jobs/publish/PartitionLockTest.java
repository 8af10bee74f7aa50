package org.picu.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FilterFileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;

/** The partition lock on the local file system, including the moment its holder lets go. */
class PartitionLockTest {
    private static final long TTL = Duration.ofHours(1).toMillis();

    private static FileSystem localFs() throws IOException {
        return FileSystem.getLocal(new Configuration()).getRawFileSystem();
    }

    private static Path lockPath(String test) {
        return new Path(LocalHadoop.freshDir(test).toUri().toString(), "locks/news.20261121.lock");
    }

    private static String owner(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void a_live_lock_is_refused_naming_its_holder_and_released_on_close() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-live");

        try (PartitionLock held = PartitionLock.acquire(fs, path, "run-a", TTL, Clock.systemUTC())) {
            LockHeldException refused = assertThrows(LockHeldException.class,
                    () -> PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC()));
            assertTrue(refused.getMessage().contains("run-a"), refused.getMessage());
        }
        assertFalse(fs.exists(path));
    }

    /**
     * A run stopped by an interrupt (the orchestrator's SIGTERM) still releases its lock. The wrapper fails a call from
     * an interrupted thread with "Call interrupted", as Hadoop's IPC client does; before, every release attempt failed
     * that way and the lock blocked the partition for its TTL.
     */
    @Test
    void a_run_stopped_by_an_interrupt_still_releases_its_lock_and_keeps_the_interrupt() throws Exception {
        FileSystem raw = localFs();
        FileSystem ipcLike = new org.apache.hadoop.fs.FilterFileSystem(raw) {
            private void call() throws java.io.InterruptedIOException {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("Call interrupted");
                }
            }

            @Override
            public boolean exists(Path f) throws IOException {
                call();
                return super.exists(f);
            }

            @Override
            public org.apache.hadoop.fs.FSDataInputStream open(Path f, int bufferSize) throws IOException {
                call();
                return super.open(f, bufferSize);
            }

            @Override
            public boolean delete(Path f, boolean recursive) throws IOException {
                call();
                return super.delete(f, recursive);
            }
        };
        ipcLike.setConf(new Configuration());
        Path path = lockPath("lock-interrupted");
        PartitionLock held = PartitionLock.acquire(ipcLike, path, "run-a", TTL, Clock.systemUTC());

        Thread.currentThread().interrupt();
        try {
            held.close();
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
        assertFalse(raw.exists(path));
    }

    @Test
    void a_lock_older_than_the_ttl_is_taken_over() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-stale");
        PartitionLock.acquire(fs, path, "dead-run", TTL, Clock.systemUTC());
        Clock later = Clock.fixed(Instant.now().plusMillis(TTL + 60_000), ZoneOffset.UTC);

        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, later)) {
            assertEquals("run-b", owner(fs, path));
        }
    }

    /**
     * Regression: two orchestrators racing for a lease. The second's create failed because the first held
     * it, and the first released it before the second looked at it; that look threw FileNotFoundException
     * and failed the whole cycle. Now the second simply takes the free lock.
     */
    @Test
    void a_lock_released_between_the_failed_create_and_the_look_is_taken() throws Exception {
        Path path = lockPath("lock-released");
        PartitionLock first = PartitionLock.acquire(localFs(), path, "run-a", TTL, Clock.systemUTC());
        AtomicInteger looks = new AtomicInteger();
        FileSystem releasingOnLook = new FilterFileSystem(localFs()) {
            @Override
            public FileStatus getFileStatus(Path f) throws IOException {
                if (f.getName().endsWith(".lock") && looks.getAndIncrement() == 0) {
                    first.close(); // the holder finishes right now
                }
                return super.getFileStatus(f);
            }
        };

        try (PartitionLock second = PartitionLock.acquire(releasingOnLook, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", owner(localFs(), path));
        }
        assertTrue(looks.get() >= 1, "the race was staged");
    }

    /**
     * Regression: a job submission failed while the DataNode restarted; closing the lock could not read its owner
     * (no DataNode held the block), threw, and left the lock, so every later run of the partition was refused until
     * the TTL (6 h by default) passed. Found by the system proof's DataNode outage. Now the release is retried.
     */
    @Test
    void a_lock_whose_owner_cannot_be_read_for_a_moment_is_still_released() throws Exception {
        Path path = lockPath("lock-datanode-blip");
        AtomicInteger failedReads = new AtomicInteger();
        FileSystem dataNodeRestarting = new FilterFileSystem(localFs()) {
            @Override
            public org.apache.hadoop.fs.FSDataInputStream open(Path f, int bufferSize) throws IOException {
                if (failedReads.getAndIncrement() < 2) {
                    throw new IOException("Could not obtain block: No live nodes contain current block");
                }
                return super.open(f, bufferSize);
            }
        };

        PartitionLock.acquire(dataNodeRestarting, path, "run-a", TTL, Clock.systemUTC()).close();

        assertFalse(localFs().exists(path), "the lock was left behind");
        assertTrue(failedReads.get() >= 3, "the unreadable moment was staged");
    }
}
