package org.picu.worker.config;

import java.util.Objects;

/**
 * Keys {@code sources.*}: one entry per spider.
 *
 * @param upbit settings of the {@code upbit} spider
 */
public record SourcesConfig(UpbitConfig upbit) {
    public SourcesConfig {
        Objects.requireNonNull(upbit, "upbit");
    }
}
