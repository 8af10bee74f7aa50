package org.picu.worker.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/**
 * The spool root on local disk: one directory per UTC day ({@code YYYYMMDD}) holding spool files, plus the
 * writer's lock and sequence files (hidden, at the root).
 */
public final class SpoolDirectory {
    private final Path root;

    public SpoolDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** {@code <root>/YYYYMMDD}. */
    public Path dayDir(PartitionDate date) {
        return root.resolve(date.toString());
    }

    /** Complete files not yet shipped, oldest first (by day, then sequence). */
    public List<SpoolFile> pendingFiles() throws IOException {
        List<SpoolFile> pending = new ArrayList<>();
        for (Path day : dayDirs()) {
            PartitionDate date = PartitionDate.parse(day.getFileName().toString());
            for (Path file : list(day)) {
                String name = file.getFileName().toString();
                if (RawFileName.matches(name) && Files.isRegularFile(file)) {
                    pending.add(new SpoolFile(file, date, RawFileName.parse(name)));
                }
            }
        }
        pending.sort(Comparator.comparing(SpoolFile::date)
                .thenComparingLong(f -> f.name().firstSeq())
                .thenComparing(f -> f.name().toString()));
        return pending;
    }

    /** Renames a shipped file to {@code <name>.uploaded}; cleanup deletes only such files. */
    public Path markUploaded(SpoolFile file) throws IOException {
        Path target = file.path().resolveSibling(SpoolFileNames.uploadedName(file.name()));
        Files.move(file.path(), target, StandardCopyOption.ATOMIC_MOVE);
        fsyncDirectory(target.getParent());
        return target;
    }

    /**
     * Takes the upload lock of this spool if no other upload holds it. Close the result when done.
     *
     * @return empty if another upload is running
     */
    public Optional<AutoCloseable> tryLockForUpload() throws IOException {
        Files.createDirectories(root);
        return SpoolLock.tryAcquire(root, SpoolLock.UPLOAD).map(AutoCloseable.class::cast);
    }

    /** Highest sequence number in any complete or shipped file name of this worker, or -1. */
    long highestSeqInNames(String workerId) throws IOException {
        long highest = -1;
        for (Path day : dayDirs()) {
            for (Path file : list(day)) {
                String name = file.getFileName().toString();
                Optional<RawFileName> parsed = RawFileName.matches(name)
                        ? Optional.of(RawFileName.parse(name)) : SpoolFileNames.parseUploaded(name);
                if (parsed.isPresent() && parsed.get().workerId().equals(workerId)) {
                    highest = Math.max(highest, parsed.get().lastSeq());
                }
            }
        }
        return highest;
    }

    /** In-progress files of this worker, e.g. left behind by a crash. */
    List<Path> tmpFiles(String workerId) throws IOException {
        List<Path> tmps = new ArrayList<>();
        for (Path day : dayDirs()) {
            for (Path file : list(day)) {
                SpoolFileNames.parseTmp(file.getFileName().toString())
                        .filter(t -> t.workerId().equals(workerId))
                        .ifPresent(t -> tmps.add(file));
            }
        }
        return tmps;
    }

    List<Path> dayDirs() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> days = new ArrayList<>();
        for (Path dir : list(root)) {
            String name = dir.getFileName().toString();
            if (Files.isDirectory(dir) && name.matches("\\d{8}") && isDate(name)) {
                days.add(dir);
            }
        }
        days.sort(Comparator.naturalOrder());
        return days;
    }

    private static boolean isDate(String name) {
        try {
            PartitionDate.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** Makes a rename or a new entry in {@code dir} durable; without it a power cut can undo the rename. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
