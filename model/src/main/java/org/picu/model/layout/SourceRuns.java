package org.picu.model.layout;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a worker's last crawl runs of one source produced, carried in its heartbeat so that an operator sees why a
 * source gives nothing: how many runs are summarised, how many of them failed, the records written and the items
 * rejected by reason over those runs, and the newest failure with its reason ({@code blocked_by_challenge},
 * {@code layout_changed}, {@code http_418}, {@code no_answer}, ...). Reasons are opaque lower_snake_case strings.
 *
 * @param runs how many of the newest runs are summarised (at least 1)
 * @param failedRuns how many of them failed: ended in an error, or wrote no record while rejecting some
 * @param records records written by those runs
 * @param rejects items rejected by those runs, by reason
 * @param lastRunAt end of the newest run
 * @param lastOutcome {@code ok} or {@code failed}: the newest run's outcome
 * @param lastFailureAt end of the newest failed run among those kept, or null if none failed
 * @param lastFailureReason its reason, or null
 */
public record SourceRuns(int runs, int failedRuns, long records, Map<String, Long> rejects, Instant lastRunAt,
                         String lastOutcome, Instant lastFailureAt, String lastFailureReason) {
    public static final String OK = "ok";
    public static final String FAILED = "failed";

    public SourceRuns {
        Objects.requireNonNull(lastRunAt, "lastRunAt");
        if (!OK.equals(lastOutcome) && !FAILED.equals(lastOutcome)) {
            throw new IllegalArgumentException("lastOutcome must be ok or failed: " + lastOutcome);
        }
        if (runs < 1 || failedRuns < 0 || failedRuns > runs || records < 0) {
            throw new IllegalArgumentException("inconsistent run counts: runs " + runs + ", failed " + failedRuns
                    + ", records " + records);
        }
        if ((lastFailureAt == null) != (lastFailureReason == null)) {
            throw new IllegalArgumentException("a failure needs both its time and its reason");
        }
        rejects = Map.copyOf(rejects);
    }

    /** The rejects sorted by reason, for printing. */
    public Map<String, Long> rejectsByReason() {
        return new TreeMap<>(rejects);
    }

    /** All rejects of the summarised runs. */
    public long rejected() {
        return rejects.values().stream().mapToLong(Long::longValue).sum();
    }
}
