package org.picu.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsEndpointTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void serves_jvm_process_and_added_meters_in_the_prometheus_text_format() throws Exception {
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        registry.counter("picu.test.things", "kind", "a").increment(3);
        try (MetricsEndpoint endpoint = MetricsEndpoint.start(registry, "127.0.0.1", 0)) {
            HttpResponse<String> answer = get(endpoint, "/metrics");
            assertEquals(200, answer.statusCode());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"),
                    answer.headers().toString());
            String body = answer.body();
            assertTrue(body.contains("picu_test_things_total{kind=\"a\"} 3.0"), body);
            for (String name : new String[] {"jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage",
                    "process_files_open_files", "process_uptime_seconds", "jvm_memory_committed_bytes"}) {
                assertTrue(body.contains(name), name + " missing");
            }
            double rss = value(body, "process_resident_memory_bytes");
            assertTrue(rss > 1 << 20 && rss < 64L << 30, "a plausible RSS: " + rss);
            assertEquals(200, get(endpoint, "/-/healthy").statusCode());
        }
    }

    @Test
    void a_port_in_use_is_a_clear_error() throws Exception {
        PrometheusMeterRegistry registry = ProcessMetrics.registry();
        try (MetricsEndpoint first = MetricsEndpoint.start(registry, "127.0.0.1", 0)) {
            IOException e = assertThrows(IOException.class,
                    () -> MetricsEndpoint.start(registry, "127.0.0.1", first.port()));
            assertTrue(e.getMessage().contains("cannot serve metrics on 127.0.0.1:" + first.port()), e.getMessage());
        }
    }

    @Test
    void resident_memory_is_read_from_the_kernels_status_file() throws Exception {
        Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  118452 kB\n");
        assertEquals(118452 * 1024.0, ProcessMetrics.residentBytes(status));
        assertEquals(-1, ProcessMetrics.residentBytes(Files.writeString(dir.resolve("other"), "Name:\tjava\n")));
        assertEquals(-1, ProcessMetrics.residentBytes(dir.resolve("missing")));
    }

    private static HttpResponse<String> get(MetricsEndpoint endpoint, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the first sample line of {@code name}. */
    static double value(String scrape, String name) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError(name + " not in the scrape");
    }
}
