package org.picu.master.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.picu.master.config.MetricsSettings;
import org.picu.master.ledger.RunLedger;
import org.picu.master.schedule.Daemon;
import org.picu.metrics.MetricsEndpoint;
import org.picu.metrics.ProcessMetrics;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;

/**
 * The daemon's {@code /metrics} when {@code metrics.port} is set: the JVM and process meters plus
 * {@link MasterMetrics}; without the key, an observer that does nothing and no registry at all.
 */
public final class MasterMetricsEndpoint implements AutoCloseable {
    private final MetricsEndpoint endpoint;
    private final MasterMetrics metrics;

    private MasterMetricsEndpoint(MetricsEndpoint endpoint, MasterMetrics metrics) {
        this.endpoint = endpoint;
        this.metrics = metrics;
    }

    /** @throws IOException if the configured address cannot be bound */
    public static MasterMetricsEndpoint start(MetricsSettings settings, FileSystem fs, HdfsLayout layout,
                                              List<Dataset> datasets, Clock clock) throws IOException {
        if (settings.port().isEmpty()) {
            return new MasterMetricsEndpoint(null, null);
        }
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        MasterMetrics metrics = new MasterMetrics(registry, datasets, clock).seed(new RunLedger(fs, layout), datasets);
        return new MasterMetricsEndpoint(MetricsEndpoint.start(registry, settings.bind(), settings.port().getAsInt()),
                metrics);
    }

    /** What the daemon's cycles report to. */
    public Daemon.CycleObserver cycles() {
        return metrics == null ? Daemon.CycleObserver.NONE : metrics;
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
