package org.picu.worker.daemon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.layout.RawFileName;
import org.picu.worker.spool.SpoolFileNames;

/** Reads what HDFS {@code /raw} and the local spool hold, checking every visible file is complete. */
final class RawTree {
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private RawTree() {
    }

    /**
     * Sequence numbers of every record in every visible (not dot-hidden) file under {@code raw}, in file
     * order.
     *
     * @throws AssertionError if a visible file is partial: fewer or other records than its name says
     */
    static List<Long> hdfsSeqs(FileSystem fs, String raw) throws IOException {
        List<Long> seqs = new ArrayList<>();
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(raw);
        if (!fs.exists(root)) {
            return seqs;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
        while (files.hasNext()) {
            FileStatus file = files.next();
            String name = file.getPath().getName();
            if (name.startsWith(".")) {
                continue; // an upload in progress: hidden from MapReduce by the dot
            }
            if (!RawFileName.matches(name)) {
                throw new AssertionError("unexpected visible file in raw: " + file.getPath());
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file.getPath()),
                    StandardCharsets.UTF_8))) {
                seqs.addAll(checkedSeqs(RawFileName.parse(name), in.lines().toList(), file.getPath().toString()));
            }
        }
        return seqs;
    }

    /** Sequence numbers in every complete or shipped local spool file. */
    static List<Long> spoolSeqs(Path spool) throws IOException {
        List<Long> seqs = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(spool)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                RawFileName parsed = RawFileName.matches(name) ? RawFileName.parse(name)
                        : SpoolFileNames.parseUploaded(name).orElse(null);
                if (parsed != null) {
                    seqs.addAll(checkedSeqs(parsed, Files.readAllLines(file, StandardCharsets.UTF_8), file.toString()));
                }
            }
        }
        return seqs;
    }

    private static List<Long> checkedSeqs(RawFileName name, List<String> lines, String where) {
        List<Long> seqs = new ArrayList<>();
        for (String line : lines) {
            try {
                seqs.add(CODEC.parse(line).seq());
            } catch (MalformedRecordException e) {
                throw new AssertionError("partial or damaged record in " + where + ": " + e.getMessage());
            }
        }
        if (seqs.size() != name.recordCount() || seqs.get(0) != name.firstSeq()
                || seqs.get(seqs.size() - 1) != name.lastSeq()) {
            throw new AssertionError(where + " holds " + seqs.size() + " records, its name promises "
                    + name.recordCount());
        }
        return seqs;
    }
}
