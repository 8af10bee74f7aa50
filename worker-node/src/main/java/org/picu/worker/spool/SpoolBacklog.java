package org.picu.worker.spool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the spool holds that HDFS does not have yet, per UTC day: complete files waiting for upload and files
 * still being written.
 *
 * @param pendingByDate per day ({@code YYYYMMDD}), the complete files waiting for upload
 * @param writingFiles files being written ({@code .tmp})
 * @param writingBytes their size
 * @param oldestPending the oldest complete file waiting for upload, if any
 */
public record SpoolBacklog(Map<String, DayBacklog> pendingByDate, int writingFiles, long writingBytes,
                           Optional<Path> oldestPending) {
    public SpoolBacklog {
        pendingByDate = Map.copyOf(pendingByDate);
    }

    /**
     * @param files complete files waiting for upload
     * @param bytes their size
     */
    public record DayBacklog(int files, long bytes) {
    }

    /** Reads the backlog; files that move while it looks (an upload renaming them) are simply skipped. */
    public static SpoolBacklog of(SpoolDirectory spool) throws IOException {
        Map<String, DayBacklog> byDate = new TreeMap<>();
        Path oldest = null;
        for (SpoolFile file : spool.pendingFiles()) {
            long size = sizeOrZero(file.path());
            if (oldest == null) {
                oldest = file.path();
            }
            byDate.merge(file.date().toString(), new DayBacklog(1, size),
                    (a, b) -> new DayBacklog(a.files() + b.files(), a.bytes() + b.bytes()));
        }
        int writing = 0;
        long writingBytes = 0;
        for (Path day : spool.dayDirs()) {
            for (Path file : SpoolDirectory.list(day)) {
                if (SpoolFileNames.parseTmp(file.getFileName().toString()).isPresent()) {
                    writing++;
                    writingBytes += sizeOrZero(file);
                }
            }
        }
        return new SpoolBacklog(byDate, writing, writingBytes, Optional.ofNullable(oldest));
    }

    /** Complete files waiting for upload. */
    public long pendingFiles() {
        return pendingByDate.values().stream().mapToLong(DayBacklog::files).sum();
    }

    /** Bytes of complete files waiting for upload. */
    public long pendingBytes() {
        return pendingByDate.values().stream().mapToLong(DayBacklog::bytes).sum();
    }

    /** Everything not yet in HDFS: what the spool size cap limits. */
    public long unshippedBytes() {
        return pendingBytes() + writingBytes;
    }

    private static long sizeOrZero(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
