package org.picu.worker.spool;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.layout.RawFileName;

/**
 * Turns a {@code .tmp} spool file left by a crash into a complete file: cut after the last complete line
 * (a torn last write is dropped; it was never acknowledged), fsync, then rename it with its real sequence
 * range. A file with no complete line is deleted. A file whose content contradicts its name is renamed to
 * {@code <name>.corrupt} and left for the operator: it is neither uploaded nor deleted, and crawling goes on.
 */
final class TornFileRecovery {
    static final String CORRUPT_SUFFIX = ".corrupt";
    private final EnvelopeCodec codec = new EnvelopeCodec();

    /** @throws IOException if the file cannot be read, cut or renamed */
    Outcome recover(Path tmp) throws IOException {
        SpoolFileNames.TmpName name = SpoolFileNames.parseTmp(tmp.getFileName().toString())
                .orElseThrow(() -> new IOException(tmp + " is not a spool .tmp file"));
        Scan scan = scan(tmp);
        if (scan.lines == 0) {
            Files.delete(tmp);
            SpoolDirectory.fsyncDirectory(tmp.getParent());
            return new Outcome(Action.DELETED, tmp, name.firstSeq() - 1, "it held no complete record");
        }
        long lastSeq = name.firstSeq() + scan.lines - 1;
        Optional<String> contradiction = contradiction(scan, name.firstSeq());
        if (contradiction.isPresent()) {
            Path corrupt = tmp.resolveSibling(tmp.getFileName() + CORRUPT_SUFFIX);
            Files.move(tmp, corrupt, StandardCopyOption.ATOMIC_MOVE);
            SpoolDirectory.fsyncDirectory(tmp.getParent());
            // Its numbers stay used, so that the file can still be shipped by hand after inspection.
            return new Outcome(Action.QUARANTINED, corrupt, Math.max(lastSeq, scan.lastLineSeq(codec)),
                    contradiction.get());
        }
        // the last record's own number: the sources of a worker share its numbering, so a file's need not be
        // consecutive
        lastSeq = scan.lastLineSeq(codec);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.truncate(scan.completeBytes);
            channel.force(true);
        }
        RawFileName complete = SpoolFileNames.completeName(name, lastSeq);
        Path target = tmp.resolveSibling(complete.toString());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        SpoolDirectory.fsyncDirectory(tmp.getParent());
        return new Outcome(Action.RENAMED, target, lastSeq, "cut after " + scan.lines + " complete records");
    }

    /**
     * Counts complete lines and remembers the first and where the last one ends, without loading the file into memory.
     */
    private static Scan scan(Path tmp) throws IOException {
        long position = 0;
        long completeBytes = 0;
        long lines = 0;
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        byte[] firstLine = new byte[0];
        byte[] lastLine = new byte[0];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tmp), 64 * 1024)) {
            int b;
            while ((b = in.read()) != -1) {
                position++;
                if (b == '\n') {
                    lines++;
                    completeBytes = position;
                    lastLine = current.toByteArray();
                    if (lines == 1) {
                        firstLine = lastLine;
                    }
                    current.reset();
                } else {
                    current.write(b);
                }
            }
        }
        return new Scan(lines, completeBytes, new String(firstLine, StandardCharsets.UTF_8),
                new String(lastLine, StandardCharsets.UTF_8));
    }

    /**
     * One record per line, the first numbered as the name says, numbers rising: the last complete line must carry
     * at least the first number plus the lines before it. They need not be consecutive: the daemon keeps one file
     * per source open and numbers the records of all its sources in one sequence, so a file of one source skips the
     * numbers the others used (a file of a worker crawling several sources was set aside as corrupt before, and its
     * synced records were never shipped).
     */
    private Optional<String> contradiction(Scan scan, long firstSeq) {
        RecordEnvelope first;
        RecordEnvelope last;
        try {
            first = codec.parse(scan.firstLine);
            last = codec.parse(scan.lastLine);
        } catch (MalformedRecordException e) {
            return Optional.of("its first or last complete line is not a record (" + e.getMessage() + ")");
        }
        if (first.seq() != firstSeq) {
            return Optional.of("its first line has seq " + first.seq() + " but its name says " + firstSeq);
        }
        if (last.seq() < firstSeq + scan.lines - 1) {
            return Optional.of("its last line has seq " + last.seq() + " but its name and line count say at least "
                    + (firstSeq + scan.lines - 1));
        }
        return Optional.empty();
    }

    private record Scan(long lines, long completeBytes, String firstLine, String lastLine) {
        long lastLineSeq(EnvelopeCodec codec) {
            try {
                return codec.parse(lastLine).seq();
            } catch (MalformedRecordException e) {
                return -1;
            }
        }
    }

    /** What recovery did with a file. */
    enum Action {
        RENAMED, DELETED, QUARANTINED
    }

    /**
     * @param action what was done
     * @param file the resulting file (for {@code DELETED}, the deleted one)
     * @param highestSeq the highest sequence number the file used; the writer continues after it
     * @param detail why, for the log
     */
    record Outcome(Action action, Path file, long highestSeq, String detail) {
    }
}
