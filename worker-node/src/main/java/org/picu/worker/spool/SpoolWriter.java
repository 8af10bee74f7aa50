package org.picu.worker.spool;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends one source's records, as envelope JSON lines, to
 * {@code <spool>/<YYYYMMDD of crawled_at>/<source>.<worker>.<first-seq>.jsonl.tmp} and rolls that file into
 * its final immutable name {@code <source>.<worker>.<first>-<last>.jsonl}.
 *
 * <p>A file rolls when it reaches the size limit, when it reaches the age limit, when a record belongs to
 * another UTC day, and on {@link #roll()} / {@link #close()} (the end of a crawl run). Rolling flushes, fsyncs
 * the file (one fsync per file, not per record: group commit), renames it atomically and fsyncs the directory.
 *
 * <p>Opening a writer takes the spool lock, turns any {@code .tmp} left by a crash into a complete file, and
 * continues the worker's sequence numbers after the highest one ever used (high-water mark and file names).
 * Not thread-safe: one crawl run owns one writer.
 */
public final class SpoolWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);

    private final SpoolDirectory spool;
    private final String source;
    private final String workerId;
    private final long rollBytes;
    private final Duration rollAge;
    private final Clock clock;
    private final SpoolLock lock;
    private final SequenceStore sequence;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<Path> rolled = new ArrayList<>();
    private long nextSeq;
    private OpenFile current;
    private boolean closed;

    private SpoolWriter(SpoolDirectory spool, String source, String workerId, long rollBytes, Duration rollAge,
                        Clock clock, SpoolLock lock) {
        this.spool = spool;
        this.source = source;
        this.workerId = workerId;
        this.rollBytes = rollBytes;
        this.rollAge = rollAge;
        this.clock = clock;
        this.lock = lock;
        this.sequence = new SequenceStore(spool.root(), workerId);
    }

    /**
     * Opens the spool for one source: locks it, recovers leftovers of a crash and finds the next sequence
     * number.
     *
     * @param rollBytes roll once a file has at least this many bytes
     * @param rollAge roll once a file is this old (checked when a record is appended)
     * @param clock used for file age only; record times come from the records
     */
    public static SpoolWriter open(Path spoolRoot, String source, String workerId, long rollBytes, Duration rollAge,
                                   Clock clock) throws IOException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(workerId, "workerId");
        if (rollBytes <= 0 || rollAge.isNegative() || rollAge.isZero()) {
            throw new IllegalArgumentException("roll limits must be positive: " + rollBytes + " bytes, " + rollAge);
        }
        SpoolDirectory spool = new SpoolDirectory(spoolRoot);
        Files.createDirectories(spool.root());
        SpoolLock lock = SpoolLock.acquire(spool.root());
        try {
            SpoolWriter writer = new SpoolWriter(spool, source, workerId, rollBytes, rollAge, clock, lock);
            long recovered = writer.recoverLeftovers();
            writer.nextSeq = Math.max(Math.max(writer.sequence.read(), spool.highestSeqInNames(workerId) + 1),
                    recovered + 1);
            writer.sequence.write(writer.nextSeq);
            return writer;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** @return the highest sequence number the leftovers used, or -1 */
    private long recoverLeftovers() throws IOException {
        TornFileRecovery recovery = new TornFileRecovery();
        long highest = -1;
        for (Path tmp : spool.tmpFiles(workerId)) {
            TornFileRecovery.Outcome outcome = recovery.recover(tmp);
            highest = Math.max(highest, outcome.highestSeq());
            switch (outcome.action()) {
                case RENAMED -> LOG.warn("recovered {} left by an interrupted crawl as {} ({})", tmp,
                        outcome.file().getFileName(), outcome.detail());
                case DELETED -> LOG.warn("deleted {} left by an interrupted crawl: {}", tmp, outcome.detail());
                case QUARANTINED -> LOG.error("cannot recover {}: {}; renamed it to {} and left it for inspection; "
                        + "it will not be uploaded", tmp, outcome.detail(), outcome.file().getFileName());
            }
        }
        return highest;
    }

    /**
     * Appends one record, giving it the next sequence number; may roll before (new day, old file) or after
     * (size) writing it.
     *
     * @return the envelope as written
     */
    public RecordEnvelope append(RecordKind kind, Instant crawledAt, String url, ObjectNode payload) throws IOException {
        if (closed) {
            throw new IllegalStateException("spool writer for " + source + " is closed");
        }
        PartitionDate date = PartitionDate.of(crawledAt);
        if (current != null && (!current.date.equals(date) || isOld(current))) {
            roll();
        }
        if (current == null) {
            current = OpenFile.create(spool.dayDir(date), date, SpoolFileNames.tmpName(source, workerId, nextSeq),
                    nextSeq, clock.instant());
        }
        RecordEnvelope envelope = new RecordEnvelope(RecordEnvelope.CURRENT_SCHEMA_VERSION, source, kind, crawledAt,
                workerId, nextSeq, url, payload);
        byte[] line = (codec.toJsonLine(envelope) + "\n").getBytes(StandardCharsets.UTF_8);
        current.out.write(line);
        current.bytes += line.length;
        current.lastSeq = nextSeq;
        nextSeq++;
        if (current.bytes >= rollBytes) {
            roll();
        }
        return envelope;
    }

    private boolean isOld(OpenFile file) {
        return Duration.between(file.openedAt, clock.instant()).compareTo(rollAge) >= 0;
    }

    /** Rolls the open file, if any, into its final name. */
    public void roll() throws IOException {
        if (current == null) {
            return;
        }
        OpenFile file = current;
        current = null;
        file.out.flush();
        file.channel.force(true);
        file.out.close();
        RawFileName name = new RawFileName(source, workerId, file.firstSeq, file.lastSeq);
        Path target = file.tmp.resolveSibling(name.toString());
        Files.move(file.tmp, target, StandardCopyOption.ATOMIC_MOVE);
        SpoolDirectory.fsyncDirectory(target.getParent());
        sequence.write(nextSeq);
        rolled.add(target);
        LOG.debug("rolled {}", target);
    }

    /** Files this writer has rolled so far, in order. */
    public List<Path> rolledFiles() {
        return List.copyOf(rolled);
    }

    /** The sequence number the next record will get. */
    public long nextSeq() {
        return nextSeq;
    }

    /** Rolls the open file and releases the spool. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            roll();
        } finally {
            lock.close();
        }
    }

    /** The {@code .tmp} file being written. */
    private static final class OpenFile {
        final Path tmp;
        final PartitionDate date;
        final FileChannel channel;
        final OutputStream out;
        final long firstSeq;
        final Instant openedAt;
        long lastSeq;
        long bytes;

        private OpenFile(Path tmp, PartitionDate date, FileChannel channel, long firstSeq, Instant openedAt) {
            this.tmp = tmp;
            this.date = date;
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            this.firstSeq = firstSeq;
            this.openedAt = openedAt;
        }

        static OpenFile create(Path dayDir, PartitionDate date, String name, long firstSeq, Instant now)
                throws IOException {
            if (!Files.isDirectory(dayDir)) {
                Files.createDirectories(dayDir);
                SpoolDirectory.fsyncDirectory(dayDir.getParent());
            }
            Path tmp = dayDir.resolve(name);
            FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new OpenFile(tmp, date, channel, firstSeq, now);
        }
    }
}
