package org.picu.worker.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Keys {@code metrics.*}: the daemon's Prometheus endpoint ({@code GET /metrics}).
 *
 * @param port the TCP port; empty: no endpoint (the default; the shipped configs set 9101)
 * @param bind the address it listens on: every interface by default, as Prometheus's node exporter does, so the
 *     cluster's Prometheus can scrape it; {@code 127.0.0.1} keeps it on this host
 */
public record MetricsConfig(OptionalInt port, String bind) {
    public static final String DEFAULT_BIND = "0.0.0.0";

    public MetricsConfig {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(bind, "bind");
    }

    /** No endpoint. */
    public static MetricsConfig off() {
        return new MetricsConfig(OptionalInt.empty(), DEFAULT_BIND);
    }
}
