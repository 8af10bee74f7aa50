package org.picu.worker.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The worker's sequence high-water mark: the next sequence number to hand out, in a small file at the spool
 * root. File names alone are not enough, because cleanup deletes old shipped files; the mark keeps numbers
 * monotonic across restarts even then. It is written atomically (temp file, fsync, rename).
 */
final class SequenceStore {
    private final Path file;

    SequenceStore(Path spoolRoot, String workerId) {
        this.file = spoolRoot.resolve(".next-seq." + workerId);
    }

    /** The stored next sequence number, or 0 when there is none yet. */
    long read() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " should hold the next sequence number but holds '" + text
                    + "'; delete it and the worker will rebuild it from the spool file names");
        }
    }

    void write(long next) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((next + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SpoolDirectory.fsyncDirectory(file.getParent());
    }
}
