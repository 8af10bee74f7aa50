package org.picu.tier2.api.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/pipeline/status}. {@code hdfs} is {@code ok}, {@code unreachable} (the reason is logged, never
 * returned) or {@code not_configured}; {@code lag_seconds} is how long the newest published partition has waited
 * for the loader (0 when it is loaded). Each worker lists its sources: the last successful crawl run, records and
 * rejects by reason over its newest runs, and the newest failure with its reason, so an operator sees why a source
 * gives nothing.
 */
public record PipelineStatusRepresentation(
        @JsonProperty("generated_at") String generatedAt,
        String hdfs,
        List<DatasetStatus> datasets,
        Ledger ledger,
        List<Worker> workers) {

    /** One dataset: its newest published partition and its newest load. */
    public record DatasetStatus(String dataset, @JsonProperty("last_published") Published lastPublished,
            @JsonProperty("last_loaded") Loaded lastLoaded, @JsonProperty("up_to_date") boolean upToDate,
            @JsonProperty("lag_seconds") long lagSeconds) {
    }

    /** From the partition's manifest. */
    public record Published(String date, @JsonProperty("run_id") String runId,
            @JsonProperty("record_count") long recordCount, @JsonProperty("rejected_count") long rejectedCount,
            @JsonProperty("published_at") String publishedAt) {
    }

    /** From {@code load_ledger}. */
    public record Loaded(String date, @JsonProperty("run_id") String runId, @JsonProperty("row_count") long rowCount,
            @JsonProperty("loaded_at") String loadedAt) {
    }

    /** Totals over the whole ledger. */
    public record Ledger(long partitions, long rows, @JsonProperty("last_loaded_at") String lastLoadedAt) {
    }

    /** One worker's heartbeat. */
    public record Worker(@JsonProperty("worker_id") String workerId, @JsonProperty("written_at") String writtenAt,
            @JsonProperty("age_seconds") long ageSeconds, @JsonProperty("last_upload_at") String lastUploadAt,
            @JsonProperty("backlog_files") long backlogFiles, @JsonProperty("backlog_bytes") long backlogBytes,
            @JsonProperty("oldest_unshipped") String oldestUnshipped, List<SourceStatus> sources) {
    }

    /**
     * One source of a worker. {@code runs} is how many of its newest runs the other counts cover; 0 (and nulls) when
     * the worker's heartbeat carries only the last success (a worker from before run summaries).
     */
    public record SourceStatus(String source, @JsonProperty("last_success") String lastSuccess,
            @JsonProperty("last_run_at") String lastRunAt, @JsonProperty("last_outcome") String lastOutcome, int runs,
            @JsonProperty("failed_runs") int failedRuns, long records, Map<String, Long> rejects,
            @JsonProperty("last_failure_at") String lastFailureAt,
            @JsonProperty("last_failure_reason") String lastFailureReason) {
    }
}
