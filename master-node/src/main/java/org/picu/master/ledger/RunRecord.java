package org.picu.master.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of one job for one dataset partition, as written to {@code ledger/<dataset>/<YYYYMMDD>/<run-id>.json}.
 *
 * @param dataset dataset directory name
 * @param date partition day {@code YYYYMMDD}
 * @param runId the orchestrator's id for this run
 * @param job the {@code hadoop jar} job name
 * @param orchestrator which orchestrator ran it
 * @param state how it ended
 * @param attempts how many times the job was started
 * @param startedAt start of the first attempt
 * @param duration until the last attempt ended
 * @param counters record counts of the published partition ({@code records}, {@code rejected}, {@code duplicates})
 * @param partitionRunId the run id in the published {@code _manifest.json}, or null
 * @param message why it failed, or a short note
 * @param inputs for a derived run, {@code dataset/day} → content fingerprint of each upstream partition it read
 *     ({@link org.picu.master.plan.InputFingerprints}); empty otherwise
 */
public record RunRecord(String dataset, String date, String runId, String job, String orchestrator, RunState state,
                        int attempts, Instant startedAt, Duration duration, Map<String, Long> counters,
                        String partitionRunId, String message, Map<String, String> inputs) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RunRecord {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(state, "state");
        counters = Map.copyOf(counters);
        inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
    }

    /** A record without inputs (a cleaning run, a failure). */
    public RunRecord(String dataset, String date, String runId, String job, String orchestrator, RunState state,
                     int attempts, Instant startedAt, Duration duration, Map<String, Long> counters,
                     String partitionRunId, String message) {
        this(dataset, date, runId, job, orchestrator, state, attempts, startedAt, duration, counters, partitionRunId,
                message, Map.of());
    }

    public String toJson() {
        Wire w = new Wire();
        w.dataset = dataset;
        w.date = date;
        w.runId = runId;
        w.job = job;
        w.orchestrator = orchestrator;
        w.state = state.name();
        w.attempts = attempts;
        w.startedAt = startedAt.toString();
        w.durationMs = duration.toMillis();
        w.counters = new TreeMap<>(counters);
        w.partitionRunId = partitionRunId;
        w.message = message;
        w.inputs = inputs.isEmpty() ? null : new TreeMap<>(inputs);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(w);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a run record */
    public static RunRecord fromJson(String json) {
        try {
            Wire w = JSON.readValue(json, Wire.class);
            return new RunRecord(w.dataset, w.date, w.runId, w.job, w.orchestrator, RunState.valueOf(w.state),
                    w.attempts, Instant.parse(w.startedAt), Duration.ofMillis(w.durationMs), w.counters,
                    w.partitionRunId, w.message, w.inputs);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a run record: " + e.getMessage(), e);
        }
    }

    /** When the run ended. */
    public Instant endedAt() {
        return startedAt.plus(duration);
    }

    private static final class Wire {
        @JsonProperty("dataset") public String dataset;
        @JsonProperty("date") public String date;
        @JsonProperty("run_id") public String runId;
        @JsonProperty("job") public String job;
        @JsonProperty("orchestrator") public String orchestrator;
        @JsonProperty("state") public String state;
        @JsonProperty("attempts") public int attempts;
        @JsonProperty("started_at") public String startedAt;
        @JsonProperty("duration_ms") public long durationMs;
        @JsonProperty("counters") public Map<String, Long> counters = new TreeMap<>();
        @JsonProperty("partition_run_id") public String partitionRunId;
        @JsonProperty("message") public String message;
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonProperty("inputs") public Map<String, String> inputs;
    }
}
