package org.picu.jobs.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock on one dataset partition (or another single-holder task, such as compaction), held while a run writes and
 * publishes it, so two runs (two orchestrators, or an orchestrator and an operator's {@code hadoop jar}) never
 * publish the same partition at once.
 *
 * <p>It is a file created with {@code overwrite=false}, which HDFS's NameNode makes atomic, naming its holder
 * ({@link LockHolder}: owner, host, pid, process start, boot id). While held, a background thread renews it every
 * sixth of the TTL by setting the file's modification time. It is taken over when its holder is certainly dead:
 * <ul>
 *   <li>at once, by a process on the holder's own host, when that host restarted since (another boot id) or the
 *       holder's process is gone (a restarted orchestrator after a SIGKILL or an OOM kill);</li>
 *   <li>by anyone else, once it has not been renewed for the TTL (a holder on another host that died, or a lock of
 *       unknown process).</li>
 * </ul>
 * A live process on the same host is never taken over, however long ago it renewed. Closing releases the lock only if
 * it is still ours.
 */
public final class PartitionLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionLock.class);

    private static final int RELEASED_RETRIES = 3;
    private static final int RELEASE_ATTEMPTS = 6;
    private static final long RELEASE_FIRST_PAUSE_MS = 500;
    /** Renewals per TTL: a holder whose HDFS calls fail for a few renewals in a row still keeps its lock. */
    private static final int RENEWALS_PER_TTL = 6;
    private static final long MIN_RENEW_MS = 100;
    /**
     * A lock file still empty this long after it was created belongs to a holder that died between creating and
     * writing it (a live one writes its few bytes and closes the file within milliseconds).
     */
    static final long EMPTY_GRACE_MS = 30_000;

    private static final ScheduledThreadPoolExecutor RENEWER = renewer();

    private final FileSystem fs;
    private final Path path;
    private final String owner;
    private final Clock clock;
    private volatile ScheduledFuture<?> renewal;
    private volatile String lost;

    private PartitionLock(FileSystem fs, Path path, String owner, Clock clock) {
        this.fs = fs;
        this.path = path;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * Takes the lock for {@code owner} (a run id) and renews it until closed.
     *
     * @param ttlMs how long the lock may go unrenewed before a process on another host takes it over
     * @throws LockHeldException if a live run holds it
     */
    public static PartitionLock acquire(FileSystem fs, Path path, String owner, long ttlMs, Clock clock)
            throws IOException {
        LockHolder me = LockHolder.current(owner);
        // The holder may release the lock between our failed create and our look at it; then the create is
        // simply tried again (a few times: each retry means another run took and released it meanwhile).
        String holder = "(changing hands)";
        for (int tries = 0; tries < RELEASED_RETRIES; tries++) {
            if (tryCreate(fs, path, me)) {
                PartitionLock lock = new PartitionLock(fs, path, owner, clock);
                lock.startRenewing(Math.max(MIN_RENEW_MS, ttlMs / RENEWALS_PER_TTL));
                return lock;
            }
            FileStatus status;
            Optional<LockHolder> read;
            try {
                status = fs.getFileStatus(path);
                read = readHolder(fs, path);
            } catch (FileNotFoundException released) {
                continue;
            }
            if (read.isEmpty()) {
                continue;
            }
            LockHolder held = read.get();
            holder = held.describe();
            Optional<String> dead = held.deadOn(me);
            long age = clock.millis() - status.getModificationTime();
            if (dead.isEmpty() && status.getLen() == 0 && age > Math.min(ttlMs, EMPTY_GRACE_MS)) {
                dead = Optional.of("still empty " + age / 1000 + " s after it was created: its holder died before"
                        + " writing its name");
            }
            if (dead.isEmpty()) {
                if (age <= ttlMs || held.aliveOn(me)) {
                    break;
                }
                dead = Optional.of("not renewed for " + age / 1000 + " s, longer than its " + ttlMs / 1000 + " s TTL");
            }
            LOG.warn("Taking over lock {} from '{}': {}", path, holder, dead.get());
            fs.delete(path, false);
        }
        throw new LockHeldException(path.toString(), holder);
    }

    private static boolean tryCreate(FileSystem fs, Path path, LockHolder me) throws IOException {
        fs.mkdirs(path.getParent());
        OutputStream out;
        try {
            out = fs.create(path, false);
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // The local file system reports an existing file with a plain IOException.
            if (fs.exists(path)) {
                return false;
            }
            throw e;
        }
        try (OutputStream created = out) {
            created.write(me.toText().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Created but not written (no DataNode took the block): an empty lock would block the partition until it
            // counts as abandoned, so it goes again at once.
            try {
                fs.delete(path, false);
            } catch (IOException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
        return true;
    }

    /** The lock file's holder, or empty when the file is gone. */
    public static Optional<LockHolder> readHolder(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return Optional.of(LockHolder.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
    }

    private boolean ours() throws IOException {
        return readHolder(fs, path).map(h -> owner.equals(h.owner())).orElse(false);
    }

    private void startRenewing(long everyMs) {
        renewal = RENEWER.scheduleWithFixedDelay(this::renew, everyMs, everyMs, TimeUnit.MILLISECONDS);
    }

    /** One renewal: the modification time becomes now, if the lock is still ours. */
    private void renew() {
        try {
            if (!ours()) {
                lost = "taken over by another run, or deleted, while '" + owner + "' held it";
                LOG.warn("Lock {} was {}", path, lost);
                renewal.cancel(false);
                return;
            }
            fs.setTimes(path, clock.millis(), -1);
        } catch (IOException | RuntimeException e) {
            // HDFS unreachable for a moment (a NameNode or DataNode restarting): the next renewal tries again.
            LOG.warn("Cannot renew lock {} of '{}' now: {}", path, owner, e.toString());
        }
    }

    /**
     * Checks that the lock is still ours, just before an irreversible step (publishing): a holder that could not
     * renew for longer than the TTL may have been taken over.
     *
     * @throws LockLostException if it is not
     */
    public void verifyHeld() throws IOException {
        String why = lost;
        if (why == null && !ours()) {
            why = "taken over by another run, or deleted, while '" + owner + "' held it";
        }
        if (why != null) {
            throw new LockLostException(path.toString(), why);
        }
    }

    /**
     * Stops renewing and releases the lock if it is still ours. Reading the owner needs a DataNode: when none answers
     * for a moment (a DataNode restarting), the release is tried up to {@value #RELEASE_ATTEMPTS} times, with pauses
     * doubling from 0.5 s (about 15 s in all), instead of leaving the lock to block the partition.
     */
    @Override
    public void close() throws IOException {
        ScheduledFuture<?> r = renewal;
        if (r != null) {
            r.cancel(false);
        }
        // A run being stopped (SIGTERM interrupts its thread) must still release its lock: with the interrupt flag set
        // every HDFS call fails at once ("Call interrupted"), and the lock would block the partition for its TTL.
        // The flag is cleared for the release and set again afterwards.
        boolean interrupted = Thread.interrupted();
        try {
            release();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void release() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (ours()) {
                    fs.delete(path, false);
                } else {
                    LOG.warn("Partition lock {} was taken over while run '{}' held it", path, owner);
                }
                return;
            } catch (IOException e) {
                if (attempt == RELEASE_ATTEMPTS) {
                    throw new IOException("cannot release partition lock " + path + " of run '" + owner + "' after "
                            + attempt + " attempts; it blocks the partition until its TTL passes or it is deleted", e);
                }
                long pauseMs = RELEASE_FIRST_PAUSE_MS << (attempt - 1);
                LOG.warn(
                        "Cannot release partition lock {} yet ({}); trying again in {} ms",
                        path,
                        e.getMessage(),
                        pauseMs);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while releasing partition lock " + path, interrupted);
                }
            }
        }
    }

    private static ScheduledThreadPoolExecutor renewer() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lock-renewer");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
