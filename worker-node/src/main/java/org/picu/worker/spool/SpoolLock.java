package org.picu.worker.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exclusive lock file at the spool root. Writers hold {@code .lock} for their whole life: two crawls for
 * different sources may be started by cron at the same minute; they share the worker's sequence numbers and
 * must not both recover the same {@code .tmp} file, so the second one waits for the first. Uploads hold
 * {@code .upload.lock}, so that an upload that overlaps a slow previous one does nothing instead of racing it.
 */
final class SpoolLock implements AutoCloseable {
    static final String WRITER = ".lock";
    static final String UPLOAD = ".upload.lock";

    private static final Logger LOG = LoggerFactory.getLogger(SpoolLock.class);

    private final FileChannel channel;
    private final FileLock lock;

    private SpoolLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the writer lock. */
    static SpoolLock acquire(Path spoolRoot) throws IOException {
        Path file = spoolRoot.resolve(WRITER);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                LOG.info("spool {} is in use by another crawl; waiting for it to finish", spoolRoot);
                lock = channel.lock();
            }
            return new SpoolLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new IOException(
                    "spool " + spoolRoot + " is already open in this process; close the other writer first");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Takes the named lock if it is free; empty if another process (or this one) holds it. */
    static Optional<SpoolLock> tryAcquire(Path spoolRoot, String name) throws IOException {
        FileChannel channel = FileChannel.open(spoolRoot.resolve(name), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new SpoolLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // held in this process: treated like any other holder
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
