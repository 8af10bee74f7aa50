package org.picu.worker.spool;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Frees disk for cron: deletes shipped files ({@code *.uploaded}) whose last change is older than the
 * retention, then removes date folders left empty. Complete files not yet shipped, files being written and
 * quarantined ({@code .corrupt}) files are never touched, whatever their age. Today's folder is kept even
 * when empty, because a writer may be about to create a file in it.
 */
public final class SpoolCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolCleanup.class);

    private final SpoolDirectory spool;
    private final Clock clock;

    public SpoolCleanup(SpoolDirectory spool, Clock clock) {
        this.spool = spool;
        this.clock = clock;
    }

    /**
     * What one cleanup did.
     *
     * @param deletedFiles shipped files deleted
     * @param deletedBytes their size
     * @param removedDirs empty date folders removed
     * @param keptUnshipped files that are not shipped yet and so were kept, however old
     */
    public record Result(int deletedFiles, long deletedBytes, int removedDirs, int keptUnshipped) {
        public String summary() {
            return deletedFiles + " shipped files deleted (" + deletedBytes + " bytes), " + removedDirs
                    + " empty date folders removed, " + keptUnshipped + " unshipped files kept";
        }
    }

    public Result run(Duration retention) throws IOException {
        Instant cutoff = clock.instant().minus(retention);
        String today = PartitionDate.of(clock.instant()).toString();
        int deleted = 0;
        long bytes = 0;
        int removedDirs = 0;
        int kept = 0;
        for (Path day : spool.dayDirs()) {
            for (Path file : SpoolDirectory.list(day)) {
                String name = file.getFileName().toString();
                if (SpoolFileNames.parseUploaded(name).isEmpty()) {
                    kept += Files.isRegularFile(file) ? 1 : 0;
                    continue;
                }
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
                        long size = Files.size(file);
                        Files.delete(file);
                        deleted++;
                        bytes += size;
                    }
                } catch (NoSuchFileException e) {
                    LOG.debug("{} vanished during cleanup", file);
                }
            }
            if (!day.getFileName().toString().equals(today) && SpoolDirectory.list(day).isEmpty()) {
                try {
                    Files.delete(day);
                    removedDirs++;
                } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                    LOG.debug("{} changed during cleanup; kept", day);
                }
            }
        }
        return new Result(deleted, bytes, removedDirs, kept);
    }
}
