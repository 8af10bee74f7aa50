package org.picu.worker.spool;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.picu.model.layout.SourceRuns;

/**
 * One crawl run of one source as the {@link CrawlLedger} keeps it.
 *
 * @param records records written to the spool
 * @param rejects items rejected, by reason
 * @param failureReason null if the run succeeded; else a lower_snake_case reason: the run ended in an error
 *     ({@code http_418}, {@code no_answer}, {@code layout_changed}, ...) or wrote no record while rejecting items
 *     (then the most frequent reject reason, e.g. {@code blocked_by_challenge})
 * @param failureDetail what went wrong, for the operator on this worker (the error's message), or null
 */
public record CrawlRunRecord(Instant startedAt, Instant endedAt, long records, Map<String, Long> rejects,
                             String failureReason, String failureDetail) {
    /** Longest detail kept: an error message, not a page. */
    static final int MAX_DETAIL = 300;

    public CrawlRunRecord {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        rejects = Map.copyOf(rejects);
        if (failureDetail != null && failureDetail.length() > MAX_DETAIL) {
            failureDetail = failureDetail.substring(0, MAX_DETAIL);
        }
    }

    public boolean failed() {
        return failureReason != null;
    }

    /** The heartbeat's summary of runs (oldest first, at least one). */
    public static SourceRuns summarise(java.util.List<CrawlRunRecord> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to summarise");
        }
        long records = 0;
        int failed = 0;
        Map<String, Long> rejects = new TreeMap<>();
        CrawlRunRecord lastFailure = null;
        for (CrawlRunRecord run : runs) {
            records += run.records();
            run.rejects().forEach((reason, n) -> rejects.merge(reason, n, Long::sum));
            if (run.failed()) {
                failed++;
                lastFailure = run;
            }
        }
        CrawlRunRecord last = runs.get(runs.size() - 1);
        return new SourceRuns(runs.size(), failed, records, rejects, last.endedAt(),
                last.failed() ? SourceRuns.FAILED : SourceRuns.OK, lastFailure == null ? null : lastFailure.endedAt(),
                lastFailure == null ? null : lastFailure.failureReason());
    }
}
