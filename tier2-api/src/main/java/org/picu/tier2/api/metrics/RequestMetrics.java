package org.picu.tier2.api.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The tier-2 process's Micrometer registry (Prometheus format): JVM and process meters, and per request a timer
 * {@code picu_http_requests_seconds} labelled by route template (never the raw path, so a client cannot create
 * unbounded label values), method and status, with latency buckets from sub-millisecond reads to slow loads.
 */
public final class RequestMetrics {
    /** The route label of requests that matched no route. */
    public static final String UNMATCHED = "unmatched";
    /**
     * Bucket upper bounds, 1 ms to 10 s. None below 1 ms: the Prometheus client writes such bounds in Java's
     * exponent notation ({@code le="5.0E-4"}), which is valid for Prometheus but unreadable for people.
     */
    static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofNanos(2_500_000),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(10)};
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS",
            "TRACE", "PATCH");

    private final PrometheusMeterRegistry registry;

    private RequestMetrics(PrometheusMeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
    }

    /** A new registry with the JVM and process meters bound. */
    public static RequestMetrics create() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return new RequestMetrics(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** Records one finished request. */
    public void record(String route, String method, int status, long nanos) {
        Timer.builder("picu.http.requests")
                .description("HTTP requests by route template, method and status: time from routing to the response")
                .tags("route", route, "method", METHODS.contains(method) ? method : "other",
                        "status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
