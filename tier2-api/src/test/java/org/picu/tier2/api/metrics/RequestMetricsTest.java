package org.picu.tier2.api.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestMetricsTest {
    @Test
    void counts_per_status_and_a_cumulative_histogram_per_route() {
        RequestMetrics metrics = new RequestMetrics();
        metrics.record("/api/news/latest", "GET", 200, 300_000);      // 0.3 ms
        metrics.record("/api/news/latest", "GET", 200, 4_000_000);    // 4 ms
        metrics.record("/api/news/latest", "GET", 400, 100_000);
        metrics.record("/api/news/latest", "BREW", 405, 100_000);
        StringBuilder out = new StringBuilder();
        metrics.writeTo(out);
        String text = out.toString();
        String labels = "route=\"/api/news/latest\",method=\"GET\"";
        assertTrue(text.contains("picu_http_requests_total{" + labels + ",status=\"200\"} 2\n"), text);
        assertTrue(text.contains("picu_http_requests_total{" + labels + ",status=\"400\"} 1\n"), text);
        assertTrue(text.contains("picu_http_request_duration_seconds_bucket{" + labels + ",le=\"5.0E-4\"} 2\n"), text);
        assertTrue(text.contains("picu_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 3\n"), text);
        assertTrue(text.contains("picu_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("picu_http_request_duration_seconds_count{" + labels + "} 3\n"), text);
        assertTrue(text.contains("method=\"other\""), "made-up methods share one label value");
        assertFalse(text.contains("BREW"));
    }
}
