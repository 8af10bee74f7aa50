package org.picu.worker.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.function.Consumer;
import org.picu.metrics.MetricsEndpoint;
import org.picu.metrics.ProcessMetrics;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.daemon.CrawlRun;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.upload.UploadReport;

/**
 * The daemon's {@code /metrics} when {@code metrics.port} is set: the JVM and process meters plus
 * {@link WorkerMetrics}; without the key, observers that do nothing and no registry at all.
 */
public final class WorkerMetricsEndpoint implements AutoCloseable {
    private final MetricsEndpoint endpoint;
    private final WorkerMetrics metrics;

    private WorkerMetricsEndpoint(MetricsEndpoint endpoint, WorkerMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /**
     * @param sources the sources this daemon runs
     * @throws IOException if the configured address cannot be bound
     */
    public static WorkerMetricsEndpoint start(WorkerConfig config, SpoolDirectory spool, Collection<String> sources)
            throws IOException {
        if (config.metrics().port().isEmpty()) {
            return new WorkerMetricsEndpoint(null, null);
        }
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        WorkerMetrics metrics = new WorkerMetrics(registry, spool, sources, Clock.systemUTC());
        return new WorkerMetricsEndpoint(MetricsEndpoint.start(registry, config.metrics().bind(),
                config.metrics().port().getAsInt()), metrics);
    }

    /** What the crawl runs report to. */
    public CrawlRun.Observer crawls() {
        return metrics == null ? CrawlRun.Observer.NONE : metrics;
    }

    /** What the upload rounds report to. */
    public Consumer<UploadReport> uploads() {
        return metrics == null ? report -> { } : metrics;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
