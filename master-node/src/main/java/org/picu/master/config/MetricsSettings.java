package org.picu.master.config;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Keys {@code metrics.*}: the daemon's Prometheus endpoint ({@code GET /metrics}); only {@code picu-master daemon}
 * serves it.
 *
 * @param port the TCP port; empty: no endpoint (the default; the shipped {@code master.yml} sets 9102)
 * @param bind the address it listens on: every interface by default, as Prometheus's node exporter does, so the
 *     cluster's Prometheus can scrape it; {@code 127.0.0.1} keeps it on this host
 */
public record MetricsSettings(OptionalInt port, String bind) {
    public static final String DEFAULT_BIND = "0.0.0.0";

    public MetricsSettings {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(bind, "bind");
    }

    /** No endpoint. */
    public static MetricsSettings off() {
        return new MetricsSettings(OptionalInt.empty(), DEFAULT_BIND);
    }
}
