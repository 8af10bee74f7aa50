package org.picu.jobs.publish;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lock on one dataset partition, held while a run writes and publishes it, so two runs (two
 * orchestrators, or an orchestrator and an operator's {@code hadoop jar}) never publish the same
 * partition at once.
 *
 * <p>It is a file created with {@code overwrite=false}, which HDFS's NameNode makes atomic. A lock older
 * than the TTL belongs to a run that died and is taken over. Closing releases it only if it is still ours.
 */
public final class PartitionLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionLock.class);

    private static final int RELEASED_RETRIES = 3;
    private static final int RELEASE_ATTEMPTS = 6;
    private static final long RELEASE_FIRST_PAUSE_MS = 500;

    private final FileSystem fs;
    private final Path path;
    private final String owner;

    private PartitionLock(FileSystem fs, Path path, String owner) {
        this.fs = fs;
        this.path = path;
        this.owner = owner;
    }

    /**
     * Takes the lock for {@code owner} (a run id).
     *
     * @throws LockHeldException if a live run holds it
     */
    public static PartitionLock acquire(FileSystem fs, Path path, String owner, long ttlMs, Clock clock)
            throws IOException {
        // The holder may release the lock between our failed create and our look at it; then the create is
        // simply tried again (a few times: each retry means another run took and released it meanwhile).
        String holder = "(changing hands)";
        for (int tries = 0; tries < RELEASED_RETRIES; tries++) {
            if (tryCreate(fs, path, owner)) {
                return new PartitionLock(fs, path, owner);
            }
            FileStatus status;
            try {
                status = fs.getFileStatus(path);
            } catch (FileNotFoundException released) {
                continue;
            }
            holder = readOwner(fs, path);
            long age = clock.millis() - status.getModificationTime();
            if (age <= ttlMs) {
                break;
            }
            LOG.warn("Taking over partition lock {} from run '{}': it is {} s old, older than the {} s TTL",
                    path, holder, age / 1000, ttlMs / 1000);
            fs.delete(path, false);
        }
        throw new LockHeldException(path.toString(), holder);
    }

    private static boolean tryCreate(FileSystem fs, Path path, String owner) throws IOException {
        fs.mkdirs(path.getParent());
        try (OutputStream out = fs.create(path, false)) {
            out.write(owner.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // The local file system reports an existing file with a plain IOException.
            if (fs.exists(path)) {
                return false;
            }
            throw e;
        }
    }

    private static String readOwner(FileSystem fs, Path path) throws IOException {
        try (InputStream in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (FileNotFoundException e) {
            return "(released)";
        }
    }

    /**
     * Releases the lock if it is still ours. Reading the owner needs a DataNode: when none answers for a moment
     * (a DataNode restarting), the release is tried up to {@value #RELEASE_ATTEMPTS} times, with pauses doubling
     * from 0.5 s (about 15 s in all), instead of leaving the lock to block the partition for its whole TTL.
     */
    @Override
    public void close() throws IOException {
        // A run being stopped (SIGTERM interrupts its thread) must still release its lock: with the interrupt flag set
        // every HDFS call fails at once ("Call interrupted"), and the lock would block the partition for its whole TTL.
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
                if (fs.exists(path) && owner.equals(readOwner(fs, path))) {
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
}
