package org.picu.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Prometheus registry with the meters the daemons on the Pis expose: JVM memory pools, threads, process CPU,
 * uptime, open files (Micrometer's binders), and the process's resident set size {@code process_resident_memory_bytes}
 * read from {@code /proc/self/status} (the figure the Pi memory budget is about; absent where there is no
 * {@code /proc}). Tier-2's set also has Micrometer's GC and class-loading binders; the Pi daemons leave them out:
 * the GC binder listens to JMX GC notifications, whose open-type data loads classes and allocates on every
 * collection, and the worker's budget has no room for that (the heap panels show collections as well).
 */
public final class ProcessMetrics {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMetrics() {
    }

    /** A new registry with the JVM and process meters bound. */
    public static PrometheusMeterRegistry registry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        bindTo(registry);
        return registry;
    }

    /** Binds the JVM and process meters to {@code registry}. */
    public static void bindTo(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        if (residentBytes(STATUS) >= 0) {
            Gauge.builder("process.resident.memory", STATUS, ProcessMetrics::residentBytes)
                    .description("Resident set size of this process (VmRSS in /proc/self/status)")
                    .baseUnit("bytes").register(registry);
        }
    }

    /** {@code VmRSS} of a {@code /proc/<pid>/status} file in bytes, or -1 if it cannot be read. */
    static double residentBytes(Path status) {
        List<String> lines;
        try {
            lines = Files.readAllLines(status);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                try {
                    return Long.parseLong(parts[0]) * 1024.0; // the kernel writes kB, meaning KiB
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
