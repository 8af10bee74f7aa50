package org.picu.worker.config;

import java.util.Objects;

/**
 * The whole worker configuration, validated. Read it with {@link WorkerConfigLoader#load}.
 *
 * @param workerId this worker's id, used in record envelopes and file names (e.g. {@code w1})
 * @param spool where crawled records are buffered before upload
 * @param hdfs where complete spool files are shipped
 * @param fetch HTTP politeness settings shared by all spiders
 * @param sources per-source settings
 * @param upload the daemon's uploader
 * @param schedule per-source cron schedules and which worker runs which source
 * @param render the headless browser for sources with {@code render: true}
 * @param metrics the daemon's Prometheus endpoint
 */
public record WorkerConfig(String workerId, SpoolConfig spool, HdfsConfig hdfs, FetchConfig fetch,
                           SourcesConfig sources, UploadConfig upload, ScheduleConfig schedule, RenderConfig render,
                           MetricsConfig metrics) {
    public WorkerConfig {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(spool, "spool");
        Objects.requireNonNull(hdfs, "hdfs");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(sources, "sources");
        Objects.requireNonNull(upload, "upload");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** A config without a metrics endpoint. */
    public WorkerConfig(String workerId, SpoolConfig spool, HdfsConfig hdfs, FetchConfig fetch, SourcesConfig sources,
                        UploadConfig upload, ScheduleConfig schedule, RenderConfig render) {
        this(workerId, spool, hdfs, fetch, sources, upload, schedule, render, MetricsConfig.off());
    }

    /** A config with the default renderer settings. */
    public WorkerConfig(String workerId, SpoolConfig spool, HdfsConfig hdfs, FetchConfig fetch, SourcesConfig sources,
                        UploadConfig upload, ScheduleConfig schedule) {
        this(workerId, spool, hdfs, fetch, sources, upload, schedule, RenderConfig.defaults());
    }

    /** A config for one-shot commands: default uploader and no schedules. */
    public WorkerConfig(String workerId, SpoolConfig spool, HdfsConfig hdfs, FetchConfig fetch, SourcesConfig sources) {
        this(workerId, spool, hdfs, fetch, sources, UploadConfig.defaults(), ScheduleConfig.none());
    }
}
