package org.picu.tier2.api.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counters and latency histograms per route template (never the raw path, so that a client cannot create
 * unbounded label values), method and status. Lock-free: recording is on every request's hot path.
 */
public final class RequestMetrics {
    /** Bucket upper bounds in seconds, from sub-millisecond reads to slow loads. */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10};
    /** The route label of requests that matched no route. */
    public static final String UNMATCHED = "unmatched";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();

    /** Records one finished request. */
    public void record(String route, String method, int status, long nanos) {
        String labels = "route=\"" + route + "\",method=\"" + safeMethod(method) + "\"";
        counts.computeIfAbsent(labels + ",status=\"" + status + "\"", k -> new LongAdder()).increment();
        latencies.computeIfAbsent(labels, k -> new Histogram()).observe(nanos);
    }

    /** The Prometheus text exposition of both families. */
    void writeTo(StringBuilder out) {
        out.append("# HELP picu_http_requests_total HTTP requests by route template, method and status.\n")
                .append("# TYPE picu_http_requests_total counter\n");
        new TreeMap<>(counts).forEach((labels, count) ->
                out.append("picu_http_requests_total{").append(labels).append("} ").append(count.sum()).append('\n'));
        out.append("# HELP picu_http_request_duration_seconds Time from routing to the last byte sent.\n")
                .append("# TYPE picu_http_request_duration_seconds histogram\n");
        new TreeMap<>(latencies).forEach((labels, histogram) -> histogram.writeTo(labels, out));
    }

    // Only the methods the HTTP spec names, so that a made-up method cannot add label values either.
    private static String safeMethod(String method) {
        return switch (method) {
            case "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH" -> method;
            default -> "other";
        };
    }

    private static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final LongAdder sumNanos = new LongAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment(); // one bucket per observation; cumulated when written
                    break;
                }
            }
            count.increment();
            sumNanos.add(nanos);
        }

        void writeTo(String labels, StringBuilder out) {
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += buckets[i].sum();
                out.append("picu_http_request_duration_seconds_bucket{").append(labels).append(",le=\"")
                        .append(BUCKETS[i]).append("\"} ").append(cumulative).append('\n');
            }
            long total = count.sum();
            out.append("picu_http_request_duration_seconds_bucket{").append(labels).append(",le=\"+Inf\"} ")
                    .append(total).append('\n');
            out.append("picu_http_request_duration_seconds_sum{").append(labels).append("} ")
                    .append(sumNanos.sum() / 1e9).append('\n');
            out.append("picu_http_request_duration_seconds_count{").append(labels).append("} ").append(total).append('\n');
        }
    }
}
