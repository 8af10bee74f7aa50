package org.picu.worker.spider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.config.WorkerConfig;

/**
 * The explicit list of spiders this worker can run. A new source in Java is one more line here; a new news
 * source without Java is an entry of {@code sources.declarative} in the worker config.
 */
public final class Spiders {
    private static final Map<String, Function<WorkerConfig, Spider>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(UpbitSpider.NAME, config -> new UpbitSpider(config.sources().upbit()));
        REGISTRY.put(FearGreedSpider.NAME, config -> new FearGreedSpider(config.sources().fearGreed()));
        REGISTRY.put(CoinnessSpider.NAME, config -> new CoinnessSpider(config.sources().coinness()));
        REGISTRY.put(SaveTickerSpider.NAME, config -> new SaveTickerSpider(config.sources().saveTicker()));
        REGISTRY.put(PerplexitySpider.NAME, config -> new PerplexitySpider(config.sources().perplexity()));
    }

    private Spiders() {
    }

    /** Built-in source names in registration order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** Built-in source names followed by the config's declarative ones. */
    public static List<String> names(WorkerConfig config) {
        List<String> names = new ArrayList<>(REGISTRY.keySet());
        config.sources().declarative().forEach(d -> names.add(d.name()));
        return List.copyOf(names);
    }

    /** The spider for a source name, built-in or declared in the config, if there is one. */
    public static Optional<Spider> create(String name, WorkerConfig config) {
        Function<WorkerConfig, Spider> factory = REGISTRY.get(name);
        if (factory != null) {
            return Optional.of(factory.apply(config));
        }
        for (DeclarativeSourceConfig source : config.sources().declarative()) {
            if (source.name().equals(name)) {
                return Optional.of(new DeclarativeSpider(source));
            }
        }
        return Optional.empty();
    }
}
