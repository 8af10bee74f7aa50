package org.picu.metrics;

import static java.util.Objects.requireNonNull;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /metrics} (Prometheus text format; OpenMetrics or gzip when the scraper asks) and {@code GET /-/healthy}
 * on one address and port, served by the Prometheus client's HTTP exporter ({@code
 * prometheus-metrics-exporter-httpserver},
 * the JDK's HTTP server underneath, no web framework) on a single daemon thread: a scrape every 30 s is all it
 * serves, and on a Pi every thread and framework costs memory.
 */
public final class MetricsEndpoint implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final HTTPServer server;
    private final String address;

    private MetricsEndpoint(HTTPServer server, String address) {
        this.server = server;
        this.address = address;
    }

    /**
     * Starts serving {@code registry}.
     *
     * @param bind the address to listen on, e.g. {@code 127.0.0.1}, or {@code 0.0.0.0} for every interface
     * @param port the TCP port; 0 picks a free one (see {@link #port()})
     * @throws IOException if the address cannot be bound (the port is taken, the address is not this host's)
     */
    public static MetricsEndpoint start(PrometheusMeterRegistry registry, String bind, int port) throws IOException {
        requireNonNull(registry, "registry is null");
        requireNonNull(bind, "bind is null");
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        HTTPServer server;
        try {
            server = HTTPServer.builder().inetAddress(InetAddress.getByName(bind)).port(port)
                    .registry(registry.getPrometheusRegistry()).executorService(executor).buildAndStart();
        } catch (IOException | RuntimeException e) {
            executor.shutdownNow();
            throw new IOException("cannot serve metrics on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        String address = bind + ":" + server.getPort();
        LOG.info("metrics served at http://{}/metrics", address);
        return new MetricsEndpoint(server, address);
    }

    /** The port it listens on. */
    public int port() {
        return server.getPort();
    }

    /** {@code host:port} as configured, with the real port. */
    public String address() {
        return address;
    }

    /** Stops listening; the registry stays usable. */
    @Override
    public void close() {
        server.close();
    }
}
