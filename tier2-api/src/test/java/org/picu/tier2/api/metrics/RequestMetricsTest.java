package org.picu.tier2.api.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestMetricsTest {
    @Test
    void counts_per_status_and_a_cumulative_histogram_per_route_in_plain_decimals() {
        RequestMetrics metrics = RequestMetrics.create();
        metrics.record("/api/news/latest", "GET", 200, 300_000);      // 0.3 ms
        metrics.record("/api/news/latest", "GET", 200, 4_000_000);    // 4 ms
        metrics.record("/api/news/latest", "GET", 400, 100_000);
        metrics.record("/api/news/latest", "BREW", 405, 100_000);
        String text = metrics.registry().scrape();
        String ok = "method=\"GET\",route=\"/api/news/latest\",status=\"200\"";
        assertTrue(text.contains("picu_http_requests_seconds_count{" + ok + "} 2\n"), text);
        assertTrue(text.contains("picu_http_requests_seconds_count{method=\"GET\",route=\"/api/news/latest\","
                + "status=\"400\"} 1\n"), text);
        assertTrue(text.contains("picu_http_requests_seconds_bucket{" + ok + ",le=\"0.001\"} 1\n"), text);
        assertTrue(text.contains("picu_http_requests_seconds_bucket{" + ok + ",le=\"0.005\"} 2\n"), text);
        assertTrue(text.contains("picu_http_requests_seconds_bucket{" + ok + ",le=\"+Inf\"} 2\n"), text);
        assertFalse(text.matches("(?s).*le=\"[^\"]*E[^\"]*\".*"), "bucket bounds are plain decimals: " + text);
        assertTrue(text.contains("method=\"other\""), "made-up methods share one label value");
        assertFalse(text.contains("BREW"));
        assertTrue(text.contains("jvm_memory_used_bytes{"), "JVM meters are bound");
        assertTrue(text.contains("process_cpu_usage "), "process meters are bound");
    }
}
