package org.picu.worker.spool;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.picu.model.layout.SourceRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each source's crawl runs did, kept in the spool so that {@code status} and the heartbeat can show it after
 * a restart: the end of its last successful run (one small file per source under {@code <spool>/.last-success/})
 * and its newest {@value #KEPT_RUNS} runs with records, rejects by reason and failure reason (one JSON file per
 * source under {@code <spool>/.runs/}). Every file is written atomically (temporary file, fsync, rename).
 */
public final class CrawlLedger {
    /** How many runs per source are kept and summarised. */
    public static final int KEPT_RUNS = 10;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(CrawlLedger.class);
    private final Path dir;
    private final Path runsDir;

    public CrawlLedger(Path spoolRoot) {
        this.dir = spoolRoot.resolve(".last-success");
        this.runsDir = spoolRoot.resolve(".runs");
    }

    public void recordSuccess(String source, Instant at) throws IOException {
        writeAtomically(dir, source, (at + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    /** Adds a run to the source's history, dropping the oldest beyond {@value #KEPT_RUNS}. */
    public void recordRun(String source, CrawlRunRecord run) throws IOException {
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException("not a source name: " + source);
        }
        List<CrawlRunRecord> runs = new ArrayList<>(runs(runsDir.resolve(source + ".json")));
        runs.add(run);
        List<CrawlRunRecord> kept = runs.subList(Math.max(0, runs.size() - KEPT_RUNS), runs.size());
        writeAtomically(runsDir, source + ".json", JSON.writeValueAsBytes(kept.stream().map(Wire::of).toList()));
    }

    /** Per source, its newest runs, oldest first; a damaged history is logged and left out. */
    public Map<String, List<CrawlRunRecord>> recentRuns() throws IOException {
        Map<String, List<CrawlRunRecord>> result = new TreeMap<>();
        if (!Files.isDirectory(runsDir)) {
            return result;
        }
        for (Path file : SpoolDirectory.list(runsDir)) {
            String name = file.getFileName().toString();
            if (name.endsWith(".json") && SOURCE.matcher(name.substring(0, name.length() - 5)).matches()) {
                List<CrawlRunRecord> runs = runs(file);
                if (!runs.isEmpty()) {
                    result.put(name.substring(0, name.length() - 5), runs);
                }
            }
        }
        return result;
    }

    /** Per source, the summary of its newest runs as the heartbeat carries it. */
    public Map<String, SourceRuns> summaries() throws IOException {
        Map<String, SourceRuns> result = new TreeMap<>();
        recentRuns().forEach((source, runs) -> result.put(source, CrawlRunRecord.summarise(runs)));
        return result;
    }

    private static List<CrawlRunRecord> runs(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<Wire> wire = JSON.readValue(file.toFile(), new TypeReference<List<Wire>>() { });
            List<CrawlRunRecord> runs = new ArrayList<>();
            for (Wire w : wire) {
                runs.add(w.toRecord());
            }
            return runs;
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("Ignoring the damaged run history {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    private static void writeAtomically(Path directory, String name, byte[] content) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(name);
        Path tmp = directory.resolve("." + name + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final class Wire {
        @JsonProperty("started_at") public String startedAt;
        @JsonProperty("ended_at") public String endedAt;
        @JsonProperty("records") public long records;
        @JsonProperty("rejects") public Map<String, Long> rejects = new TreeMap<>();
        @JsonProperty("failure_reason") public String failureReason;
        @JsonProperty("failure_detail") public String failureDetail;

        static Wire of(CrawlRunRecord r) {
            Wire w = new Wire();
            w.startedAt = r.startedAt().toString();
            w.endedAt = r.endedAt().toString();
            w.records = r.records();
            w.rejects.putAll(r.rejects());
            w.failureReason = r.failureReason();
            w.failureDetail = r.failureDetail();
            return w;
        }

        CrawlRunRecord toRecord() {
            return new CrawlRunRecord(Instant.parse(startedAt), Instant.parse(endedAt), records,
                    rejects == null ? Map.of() : rejects, failureReason, failureDetail);
        }
    }

    /** Per source, its last successful run; a damaged entry is left out rather than failing the caller. */
    public Map<String, Instant> lastSuccess() throws IOException {
        Map<String, Instant> result = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        for (Path file : SpoolDirectory.list(dir)) {
            String name = file.getFileName().toString();
            if (SOURCE.matcher(name).matches()) {
                read(file).ifPresent(at -> result.put(name, at));
            }
        }
        return result;
    }

    private static Optional<Instant> read(Path file) throws IOException {
        try {
            return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
