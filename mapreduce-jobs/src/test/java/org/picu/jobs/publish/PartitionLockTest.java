package org.picu.jobs.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

    /** A lock file as a process other than this one left it, with its modification time {@code ageMs} ago. */
    private static void leftBehind(FileSystem fs, Path path, LockHolder holder, long ageMs) throws IOException {
        fs.mkdirs(path.getParent());
        try (OutputStream out = fs.create(path, false)) {
            out.write(holder.toText().getBytes(StandardCharsets.UTF_8));
        }
        fs.setTimes(path, System.currentTimeMillis() - ageMs, -1);
    }

    private static LockHolder here(String owner) {
        return LockHolder.current(owner);
    }

    @Test
    void a_lock_of_another_host_is_taken_over_only_once_it_went_unrenewed_for_the_ttl() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-other-host");
        LockHolder elsewhere = new LockHolder("run-x", "some-other-host", 4242, 1, "another-boot");
        leftBehind(fs, path, elsewhere, TTL - 60_000);

        LockHeldException refused = assertThrows(LockHeldException.class,
                () -> PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC()));
        assertTrue(refused.getMessage().contains("run-x (process 4242 on some-other-host)"), refused.getMessage());

        fs.setTimes(path, System.currentTimeMillis() - TTL - 1_000, -1);
        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    @Test
    void a_bare_lock_of_unknown_process_is_left_to_its_ttl() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-bare");
        fs.mkdirs(path.getParent());
        try (OutputStream out = fs.create(path, false)) {
            out.write("20261121T000000Z-abcdef".getBytes(StandardCharsets.UTF_8));
        }
        assertThrows(LockHeldException.class, () -> PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC()));
        Clock later = Clock.fixed(Instant.now().plusMillis(TTL + 60_000), ZoneOffset.UTC);
        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, later)) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /**
     * Regression, found by the system proof's DataNode outage: the NameNode created the compaction lease but no
     * DataNode took its block, the write failed, and the empty file blocked compaction until it counted as abandoned.
     * A lock whose write fails is removed at once.
     */
    @Test
    void a_lock_created_but_not_written_is_removed_at_once() throws Exception {
        Path path = lockPath("lock-unwritten");
        FileSystem noDataNode = new FilterFileSystem(localFs()) {
            @Override
            public org.apache.hadoop.fs.FSDataOutputStream create(Path f, boolean overwrite) throws IOException {
                super.create(f, overwrite).close();
                return new org.apache.hadoop.fs.FSDataOutputStream(new OutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        throw new IOException("could only be written to 0 of the 1 minReplication nodes");
                    }
                }, null);
            }
        };
        noDataNode.setConf(new Configuration());

        assertThrows(IOException.class, () -> PartitionLock.acquire(noDataNode, path, "run-a", TTL, Clock.systemUTC()));
        assertFalse(localFs().exists(path), "no empty lock left behind");
    }

    /** A holder killed between creating the lock file and writing its name leaves it empty; it is dead after 30 s. */
    @Test
    void an_empty_lock_is_taken_over_once_it_stayed_empty_for_the_grace_period() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-empty");
        fs.mkdirs(path.getParent());
        fs.create(path, false).close();
        assertThrows(LockHeldException.class, () -> PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC()));

        fs.setTimes(path, System.currentTimeMillis() - PartitionLock.EMPTY_GRACE_MS - 1_000, -1);
        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /** A SIGKILLed or OOM-killed holder on this host: its pid is gone, and a restarted process takes over at once. */
    @Test
    void a_lock_whose_holder_process_on_this_host_is_gone_is_taken_over_at_once() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-dead-pid");
        Process exited = new ProcessBuilder("true").start();
        assertEquals(0, exited.waitFor());
        LockHolder me = here("run-dead");
        leftBehind(fs, path, new LockHolder("run-dead", me.host(), exited.pid(), me.startedMs(), me.bootId()), 0);

        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /** The pid was given to another process since (a reboot or a long time): its start time differs. */
    @Test
    void a_lock_whose_holder_pid_now_belongs_to_another_process_is_taken_over_at_once() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-reused-pid");
        LockHolder me = here("run-old");
        leftBehind(fs, path, new LockHolder("run-old", me.host(), me.pid(), me.startedMs() - 3_600_000, me.bootId()),
                0);

        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /** Power loss of the master: after the reboot the host's boot id differs, so every lock of before is dead. */
    @Test
    void a_lock_taken_before_this_host_rebooted_is_taken_over_at_once() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-rebooted");
        LockHolder me = here("run-before");
        org.junit.jupiter.api.Assumptions.assumeFalse(me.bootId().isEmpty(), "this kernel exposes a boot id");
        leftBehind(fs, path, new LockHolder("run-before", me.host(), me.pid(), me.startedMs(), "an-earlier-boot"), 0);

        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /**
     * A second orchestrator alive on this host holds the lock: it is never taken over, not even when its renewals
     * stopped for longer than the TTL; once that process dies, it is taken over at once.
     */
    @Test
    void a_live_second_process_on_this_host_keeps_its_lock_past_the_ttl_until_it_dies() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-live-process");
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            LockHolder me = here("run-live");
            long started = other.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            leftBehind(fs, path, new LockHolder("run-live", me.host(), other.pid(), started, me.bootId()), TTL * 2);

            assertThrows(LockHeldException.class,
                    () -> PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC()));
        } finally {
            other.destroyForcibly().waitFor();
        }
        try (PartitionLock taken = PartitionLock.acquire(fs, path, "run-b", TTL, Clock.systemUTC())) {
            assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner());
        }
    }

    /** The holder renews the lock's modification time while it holds it, and stops once closed. */
    @Test
    void a_held_lock_is_renewed_until_closed() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-renewed");
        long ttl = 600; // renewed every 100 ms
        try (PartitionLock held = PartitionLock.acquire(fs, path, "run-a", ttl, Clock.systemUTC())) {
            fs.setTimes(path, System.currentTimeMillis() - Duration.ofHours(2).toMillis(), -1);
            long deadline = System.currentTimeMillis() + 5_000;
            while (System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime() > ttl
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            long age = System.currentTimeMillis() - fs.getFileStatus(path).getModificationTime();
            assertTrue(age <= ttl, "renewed: " + age + " ms old");
            held.verifyHeld();
        }
        assertFalse(fs.exists(path));
    }

    /** A holder that was taken over (it could not renew for longer than the TTL) learns so before it publishes. */
    @Test
    void a_holder_taken_over_fails_its_check_before_publishing() throws Exception {
        FileSystem fs = localFs();
        Path path = lockPath("lock-lost");
        try (PartitionLock held = PartitionLock.acquire(fs, path, "run-a", TTL, Clock.systemUTC())) {
            fs.delete(path, false);
            leftBehind(fs, path, new LockHolder("run-b", "some-other-host", 7, 1, "b"), 0);

            LockLostException lost = assertThrows(LockLostException.class, held::verifyHeld);
            assertTrue(lost.getMessage().contains("run-a"), lost.getMessage());
        }
        assertEquals("run-b", LockHolder.parse(owner(fs, path)).owner(), "closing left the new holder's lock alone");
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
            assertEquals("run-b", LockHolder.parse(owner(localFs(), path)).owner());
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
