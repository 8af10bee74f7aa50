package org.picu.jobs.publish;

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
        if (tryCreate(fs, path, owner)) {
            return new PartitionLock(fs, path, owner);
        }
        String holder = readOwner(fs, path);
        FileStatus status = fs.getFileStatus(path);
        long age = clock.millis() - status.getModificationTime();
        if (age > ttlMs) {
            LOG.warn("Taking over partition lock {} from run '{}': it is {} s old, older than the {} s TTL",
                    path, holder, age / 1000, ttlMs / 1000);
            fs.delete(path, false);
            if (tryCreate(fs, path, owner)) {
                return new PartitionLock(fs, path, owner);
            }
            holder = readOwner(fs, path);
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
        } catch (java.io.FileNotFoundException e) {
            return "(released)";
        }
    }

    @Override
    public void close() throws IOException {
        if (fs.exists(path) && owner.equals(readOwner(fs, path))) {
            fs.delete(path, false);
        } else {
            LOG.warn("Partition lock {} was taken over while run '{}' held it", path, owner);
        }
    }
}
