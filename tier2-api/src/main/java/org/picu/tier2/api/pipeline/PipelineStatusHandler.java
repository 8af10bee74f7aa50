package org.picu.tier2.api.pipeline;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.SourceRuns;
import org.picu.model.layout.WorkerHeartbeat;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/pipeline/status} (read-only): per dataset the newest published partition (its manifest on HDFS)
 * against the newest load in {@code load_ledger}, the ledger's totals and the workers' heartbeats with each worker's
 * sources (last success, records and rejects by reason of the newest runs, newest failure reason). The HDFS part is
 * cached for a few seconds so that a dashboard polling it does not keep the NameNode busy.
 */
public final class PipelineStatusHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineStatusHandler.class);
    private static final Duration CACHE = Duration.ofSeconds(5);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    // load_ledger is one row per partition run: small, and its primary key starts with dataset
    static final String LAST_LOADS = "SELECT l.dataset, l.partition_date, l.run_id, l.row_count, l.loaded_at "
            + "FROM load_ledger l JOIN (SELECT dataset, MAX(loaded_at) AS at FROM load_ledger GROUP BY dataset) m "
            + "ON l.dataset = m.dataset AND l.loaded_at = m.at ORDER BY l.dataset, l.partition_date DESC";
    static final String TOTALS = "SELECT COUNT(*) AS partitions, COALESCE(SUM(row_count), 0) AS row_total, "
            + "MAX(loaded_at) AS last_at FROM load_ledger";
    static final String LOADED_RUN =
            "SELECT 1 FROM load_ledger WHERE dataset = ? AND partition_date = ? AND run_id = ?";

    private final SqlReader sql;
    private final Optional<FileSystemOpener> fileSystems;
    private final HdfsLayout layout;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(PublishedState state, String hdfs, Instant readAt) {
    }

    /** @param fileSystems empty when the process has no file system configured (tests of the API alone) */
    public PipelineStatusHandler(
            SqlReader sql, Optional<FileSystemOpener> fileSystems, HdfsLayout layout, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        Instant now = clock.instant();
        Cached published = published(now);
        Map<String, PipelineStatusRepresentation.Loaded> loads = new HashMap<>();
        sql.list(LAST_LOADS, row -> loads.putIfAbsent(row.getString("dataset"), new PipelineStatusRepresentation.Loaded(
                row.getObject("partition_date", LocalDate.class).format(DAY), row.getString("run_id"),
                row.getLong("row_count"), ApiJson.timestamp(SqlReader.utc(row, "loaded_at")))));
        List<PipelineStatusRepresentation.DatasetStatus> datasets = new ArrayList<>();
        for (Dataset dataset : Dataset.values()) {
            PartitionManifest manifest = published.state.latest().get(dataset);
            boolean loaded = manifest == null || isLoaded(manifest);
            long lag = loaded || manifest.publishedAt() == null ? 0
                    : Math.max(0, Duration.between(manifest.publishedAt(), now).toSeconds());
            datasets.add(new PipelineStatusRepresentation.DatasetStatus(
                    dataset.dirName(),
                    manifest == null
                            ? null
                            : new PipelineStatusRepresentation.Published(
                                    manifest.date(),
                                    manifest.runId(),
                                    manifest.recordCount(),
                                    manifest.rejectedCount(),
                                    manifest.publishedAt() == null ? null : ApiJson.timestamp(manifest.publishedAt())),
                    loads.get(dataset.dirName()),
                    loaded,
                    lag));
        }
        PipelineStatusRepresentation.Ledger ledger = sql.list(
                        TOTALS,
                        row -> new PipelineStatusRepresentation.Ledger(
                                row.getLong("partitions"),
                                row.getLong("row_total"),
                                ApiJson.timestamp(SqlReader.utc(row, "last_at"))))
                .get(0);
        List<PipelineStatusRepresentation.Worker> workers = published.state.heartbeats().stream()
                .map(h -> new PipelineStatusRepresentation.Worker(h.workerId(), ApiJson.timestamp(h.writtenAt()),
                        Math.max(0, Duration.between(h.writtenAt(), now).toSeconds()),
                        h.lastUploadAt() == null ? null : ApiJson.timestamp(h.lastUploadAt()), h.backlogFiles(),
                        h.backlogBytes(), h.oldestUnshipped(), sources(h)))
                .toList();
        return ApiResponse.ok(new PipelineStatusRepresentation(ApiJson.timestamp(now), published.hdfs, datasets, ledger,
                workers));
    }

    /** A worker's sources: those with a run summary and those with only a last success, by name. */
    static List<PipelineStatusRepresentation.SourceStatus> sources(WorkerHeartbeat heartbeat) {
        Set<String> names = new TreeSet<>(heartbeat.lastSuccess().keySet());
        names.addAll(heartbeat.sources().keySet());
        List<PipelineStatusRepresentation.SourceStatus> result = new ArrayList<>();
        for (String name : names) {
            Instant success = heartbeat.lastSuccess().get(name);
            String lastSuccess = success == null ? null : ApiJson.timestamp(success);
            SourceRuns runs = heartbeat.sources().get(name);
            result.add(
                    runs == null
                            ? new PipelineStatusRepresentation.SourceStatus(
                                    name, lastSuccess, null, null, 0, 0, 0, Map.of(), null, null)
                            : new PipelineStatusRepresentation.SourceStatus(
                                    name,
                                    lastSuccess,
                                    ApiJson.timestamp(runs.lastRunAt()),
                                    runs.lastOutcome(),
                                    runs.runs(),
                                    runs.failedRuns(),
                                    runs.records(),
                                    runs.rejectsByReason(),
                                    runs.lastFailureAt() == null ? null : ApiJson.timestamp(runs.lastFailureAt()),
                                    runs.lastFailureReason()));
        }
        return result;
    }

    private boolean isLoaded(PartitionManifest manifest) throws SQLException {
        LocalDate date;
        try {
            date = LocalDate.parse(manifest.date(), DAY);
        } catch (RuntimeException e) {
            return false;
        }
        return !sql.list(LOADED_RUN, row -> 1, manifest.dataset(), date, manifest.runId()).isEmpty();
    }

    private Cached published(Instant now) {
        Cached current = cached;
        if (current != null && Duration.between(current.readAt, now).compareTo(CACHE) < 0) {
            return current;
        }
        Cached fresh;
        if (fileSystems.isEmpty()) {
            fresh = new Cached(new PublishedState(Map.of(), List.of()), "not_configured", now);
        } else {
            try (FileSystem fs = fileSystems.get().open()) {
                fresh = new Cached(PublishedState.read(fs, layout), "ok", now);
            } catch (IOException | RuntimeException e) {
                LOG.warn("pipeline status: cannot read {}: {}", layout.root(), e.toString());
                fresh = new Cached(new PublishedState(Map.of(), List.of()), "unreachable", now);
            }
        }
        cached = fresh;
        return fresh;
    }
}
