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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>A writer opened with {@link #open(Path, String, long, Duration, Clock)} serves several sources, one
 * open file each: the daemon keeps it open across crawl runs and calls {@link #rollDue()} now and then, so
 * that with the default limits each source gives at most one file per hour.
 *
 * <p>Opening a writer takes the spool lock, turns any {@code .tmp} left by a crash into a complete file, and
 * continues the worker's sequence numbers after the highest one ever used (high-water mark and file names).
 * Thread-safe, but meant for one crawl loop.
 */
public final class SpoolWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolWriter.class);

    private final SpoolDirectory spool;
    private final String defaultSource;
    private final String workerId;
    private final long rollBytes;
    private final Duration rollAge;
    private final Clock clock;
    private final SpoolLock lock;
    private final SequenceStore sequence;
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final List<Path> rolled = new ArrayList<>();
    private long nextSeq;
    private final Map<String, OpenFile> openFiles = new LinkedHashMap<>();
    private boolean closed;

    private SpoolWriter(SpoolDirectory spool, String source, String workerId, long rollBytes, Duration rollAge,
                        Clock clock, SpoolLock lock) {
        this.spool = spool;
        this.defaultSource = source;
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
        return openFor(spoolRoot, source, workerId, rollBytes, rollAge, clock);
    }

    /**
     * Opens the spool for any number of sources; records are appended with {@link #append(String, RecordKind, Instant,
     * String, ObjectNode)}.
     */
    public static SpoolWriter open(Path spoolRoot, String workerId, long rollBytes, Duration rollAge, Clock clock)
            throws IOException {
        return openFor(spoolRoot, null, workerId, rollBytes, rollAge, clock);
    }

    private static SpoolWriter openFor(Path spoolRoot, String source, String workerId, long rollBytes,
                                       Duration rollAge, Clock clock) throws IOException {
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
    public RecordEnvelope append(RecordKind kind, Instant crawledAt, String url, ObjectNode payload)
            throws IOException {
        if (defaultSource == null) {
            throw new IllegalStateException("this spool writer serves several sources; name the source");
        }
        return append(defaultSource, kind, crawledAt, url, payload);
    }

    /** Appends one record of a source; see {@link #append(RecordKind, Instant, String, ObjectNode)}. */
    public synchronized RecordEnvelope append(String source, RecordKind kind, Instant crawledAt, String url,
                                              ObjectNode payload) throws IOException {
        if (closed) {
            throw new IllegalStateException("spool writer of " + spool.root() + " is closed");
        }
        PartitionDate date = PartitionDate.of(crawledAt);
        OpenFile current = openFiles.get(source);
        if (current != null && (!current.date.equals(date) || isOld(current))) {
            roll(source);
            current = null;
        }
        if (current == null) {
            current = OpenFile.create(spool.dayDir(date), date, SpoolFileNames.tmpName(source, workerId, nextSeq),
                    source, nextSeq, clock.instant());
            openFiles.put(source, current);
        }
        RecordEnvelope envelope = new RecordEnvelope(RecordEnvelope.CURRENT_SCHEMA_VERSION, source, kind, crawledAt,
                workerId, nextSeq, url, payload);
        byte[] line = (codec.toJsonLine(envelope) + "\n").getBytes(StandardCharsets.UTF_8);
        current.out.write(line);
        current.bytes += line.length;
        current.lastSeq = nextSeq;
        nextSeq++;
        if (current.bytes >= rollBytes) {
            roll(source);
        }
        return envelope;
    }

    private boolean isOld(OpenFile file) {
        return Duration.between(file.openedAt, clock.instant()).compareTo(rollAge) >= 0;
    }

    /** Rolls every open file into its final name. */
    public synchronized void roll() throws IOException {
        for (String source : List.copyOf(openFiles.keySet())) {
            roll(source);
        }
    }

    /**
     * Rolls the files that reached the age limit or belong to a past UTC day, without waiting for a record;
     * the daemon calls it between crawl runs so that a quiet source still ships on time.
     */
    public synchronized void rollDue() throws IOException {
        PartitionDate today = PartitionDate.of(clock.instant());
        for (Map.Entry<String, OpenFile> e : List.copyOf(openFiles.entrySet())) {
            if (isOld(e.getValue()) || !e.getValue().date.equals(today)) {
                roll(e.getKey());
            }
        }
    }

    /**
     * Group commit without rolling: flushes and fsyncs every open file, so that every record appended so far
     * survives a crash (recovery keeps all complete lines). The daemon calls it after every crawl run; one
     * fsync per run and source, not per record.
     */
    public synchronized void sync() throws IOException {
        for (OpenFile file : openFiles.values()) {
            file.out.flush();
            file.channel.force(false);
        }
    }

    /** Bytes in files still being written. */
    public synchronized long openBytes() {
        return openFiles.values().stream().mapToLong(f -> f.bytes).sum();
    }

    private void roll(String source) throws IOException {
        OpenFile file = openFiles.remove(source);
        if (file == null) {
            return;
        }
        file.out.flush();
        file.channel.force(true);
        file.out.close();
        RawFileName name = new RawFileName(file.source, workerId, file.firstSeq, file.lastSeq);
        Path target = file.tmp.resolveSibling(name.toString());
        Files.move(file.tmp, target, StandardCopyOption.ATOMIC_MOVE);
        SpoolDirectory.fsyncDirectory(target.getParent());
        sequence.write(nextSeq);
        rolled.add(target);
        LOG.debug("rolled {}", target);
    }

    /** Files this writer has rolled so far, in order. */
    public synchronized List<Path> rolledFiles() {
        return List.copyOf(rolled);
    }

    /** The sequence number the next record will get. */
    public synchronized long nextSeq() {
        return nextSeq;
    }

    /** Rolls the open file and releases the spool. */
    @Override
    public synchronized void close() throws IOException {
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
        final String source;
        final FileChannel channel;
        final OutputStream out;
        final long firstSeq;
        final Instant openedAt;
        long lastSeq;
        long bytes;

        private OpenFile(Path tmp, PartitionDate date, String source, FileChannel channel, long firstSeq,
                         Instant openedAt) {
            this.tmp = tmp;
            this.date = date;
            this.source = source;
            this.channel = channel;
            this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
            this.firstSeq = firstSeq;
            this.openedAt = openedAt;
        }

        static OpenFile create(Path dayDir, PartitionDate date, String name, String source, long firstSeq,
                               Instant now) throws IOException {
            if (!Files.isDirectory(dayDir)) {
                Files.createDirectories(dayDir);
                SpoolDirectory.fsyncDirectory(dayDir.getParent());
            }
            Path tmp = dayDir.resolve(name);
            FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            return new OpenFile(tmp, date, source, channel, firstSeq, now);
        }
    }
}
