package org.picu.model.layout;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code heartbeats/<worker>.json}: written by a worker after each upload round (temporary name, then
 * rename), read by the master's {@code status}/{@code health} and tier-2's pipeline status.
 *
 * @param workerId the worker
 * @param writtenAt when this heartbeat was written
 * @param lastUploadAt the last successful upload of a file, or null if none yet
 * @param backlogFiles complete spool files not yet shipped
 * @param backlogBytes their size
 * @param oldestUnshipped crawl day ({@code YYYYMMDD}) of the oldest unshipped file, or null
 * @param lastSuccess per source, the end of its last successful crawl run
 * @param sources per source, a summary of its last runs ({@code sources} in the JSON; absent in heartbeats of
 *     workers from before it existed, which read as an empty map)
 */
public record WorkerHeartbeat(String workerId, Instant writtenAt, Instant lastUploadAt, long backlogFiles,
                              long backlogBytes, String oldestUnshipped, Map<String, Instant> lastSuccess,
                              Map<String, SourceRuns> sources) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public WorkerHeartbeat {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(writtenAt, "writtenAt");
        lastSuccess = Map.copyOf(lastSuccess);
        sources = Map.copyOf(sources);
    }

    /** A heartbeat without run summaries. */
    public WorkerHeartbeat(String workerId, Instant writtenAt, Instant lastUploadAt, long backlogFiles,
                           long backlogBytes, String oldestUnshipped, Map<String, Instant> lastSuccess) {
        this(workerId, writtenAt, lastUploadAt, backlogFiles, backlogBytes, oldestUnshipped, lastSuccess, Map.of());
    }

    public String toJson() {
        Wire w = new Wire();
        w.workerId = workerId;
        w.writtenAt = writtenAt.toString();
        w.lastUploadAt = lastUploadAt == null ? null : lastUploadAt.toString();
        w.backlogFiles = backlogFiles;
        w.backlogBytes = backlogBytes;
        w.oldestUnshipped = oldestUnshipped;
        lastSuccess.forEach((source, at) -> w.lastSuccess.put(source, at.toString()));
        sources.forEach((source, runs) -> w.sources.put(source, WireRuns.of(runs)));
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(w);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a heartbeat */
    public static WorkerHeartbeat fromJson(String json) {
        try {
            Wire w = JSON.readValue(json, Wire.class);
            Map<String, Instant> last = new TreeMap<>();
            w.lastSuccess.forEach((source, at) -> last.put(source, Instant.parse(at)));
            Map<String, SourceRuns> sources = new TreeMap<>();
            if (w.sources != null) {
                w.sources.forEach((source, runs) -> sources.put(source, runs.toRuns()));
            }
            return new WorkerHeartbeat(w.workerId, Instant.parse(w.writtenAt),
                    w.lastUploadAt == null ? null : Instant.parse(w.lastUploadAt), w.backlogFiles, w.backlogBytes,
                    w.oldestUnshipped, last, sources);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a worker heartbeat: " + e.getMessage(), e);
        }
    }

    private static final class Wire {
        @JsonProperty("worker_id") public String workerId;
        @JsonProperty("written_at") public String writtenAt;
        @JsonProperty("last_upload_at") public String lastUploadAt;
        @JsonProperty("backlog_files") public long backlogFiles;
        @JsonProperty("backlog_bytes") public long backlogBytes;
        @JsonProperty("oldest_unshipped") public String oldestUnshipped;
        @JsonProperty("last_success") public Map<String, String> lastSuccess = new TreeMap<>();
        @JsonProperty("sources") public Map<String, WireRuns> sources = new TreeMap<>();
    }

    private static final class WireRuns {
        @JsonProperty("runs") public int runs;
        @JsonProperty("failed_runs") public int failedRuns;
        @JsonProperty("records") public long records;
        @JsonProperty("rejects") public Map<String, Long> rejects = new TreeMap<>();
        @JsonProperty("last_run_at") public String lastRunAt;
        @JsonProperty("last_outcome") public String lastOutcome;
        @JsonProperty("last_failure_at") public String lastFailureAt;
        @JsonProperty("last_failure_reason") public String lastFailureReason;

        static WireRuns of(SourceRuns r) {
            WireRuns w = new WireRuns();
            w.runs = r.runs();
            w.failedRuns = r.failedRuns();
            w.records = r.records();
            w.rejects.putAll(r.rejects());
            w.lastRunAt = r.lastRunAt().toString();
            w.lastOutcome = r.lastOutcome();
            w.lastFailureAt = r.lastFailureAt() == null ? null : r.lastFailureAt().toString();
            w.lastFailureReason = r.lastFailureReason();
            return w;
        }

        SourceRuns toRuns() {
            return new SourceRuns(runs, failedRuns, records, rejects == null ? Map.of() : rejects,
                    Instant.parse(lastRunAt), lastOutcome, lastFailureAt == null ? null : Instant.parse(lastFailureAt),
                    lastFailureReason);
        }
    }
}
