package org.picu.worker.config;

import java.util.List;
import java.util.Objects;

/**
 * Keys {@code sources.*}: one entry per built-in spider ({@link org.picu.model.BuiltInSource}), plus the
 * operator's declarative news sources, which may not take a built-in source's name.
 *
 * @param upbit settings of the {@code upbit} spider
 * @param fearGreed settings of the {@code fear_greed} spider
 * @param coinness settings of the {@code coinness} spider
 * @param saveTicker settings of the {@code saveticker} spider
 * @param perplexity settings of the {@code perplexity} spider
 * @param declarative news sources described by CSS selectors, in file order
 */
public record SourcesConfig(UpbitConfig upbit, FearGreedConfig fearGreed, CoinnessConfig coinness,
                            SaveTickerConfig saveTicker, PerplexityConfig perplexity,
                            List<DeclarativeSourceConfig> declarative) {
    public SourcesConfig {
        Objects.requireNonNull(upbit, "upbit");
        Objects.requireNonNull(fearGreed, "fearGreed");
        Objects.requireNonNull(coinness, "coinness");
        Objects.requireNonNull(saveTicker, "saveTicker");
        Objects.requireNonNull(perplexity, "perplexity");
        declarative = List.copyOf(declarative);
    }

    /** Every built-in source with its defaults and no declarative source. */
    public static SourcesConfig defaults() {
        return new SourcesConfig(UpbitConfig.defaults(), FearGreedConfig.defaults(), CoinnessConfig.defaults(),
                SaveTickerConfig.defaults(), PerplexityConfig.defaults(), List.of());
    }
}
