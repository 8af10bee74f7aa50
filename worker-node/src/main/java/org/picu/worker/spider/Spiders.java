package org.picu.worker.spider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.picu.model.BuiltInSource;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.config.WorkerConfig;

/**
 * The explicit list of spiders this worker can run, one per {@link BuiltInSource}. A new source in Java is a
 * constant there and one more line here (the class refuses to load while a built-in source has no spider);
 * a new news source without Java is an entry of {@code sources.declarative} in the worker config.
 */
public final class Spiders {
    private static final Map<String, Function<WorkerConfig, Spider>> REGISTRY = new LinkedHashMap<>();

    static {
        register(BuiltInSource.UPBIT, config -> new UpbitSpider(config.sources().upbit()));
        register(BuiltInSource.FEAR_GREED, config -> new FearGreedSpider(config.sources().fearGreed()));
        register(BuiltInSource.COINNESS, config -> new CoinnessSpider(config.sources().coinness()));
        register(BuiltInSource.SAVETICKER, config -> new SaveTickerSpider(config.sources().saveTicker()));
        register(BuiltInSource.PERPLEXITY, config -> new PerplexitySpider(config.sources().perplexity()));
        if (!List.copyOf(REGISTRY.keySet()).equals(BuiltInSource.names())) {
            throw new IllegalStateException("Spiders registers " + REGISTRY.keySet() + " but the built-in sources are "
                    + BuiltInSource.names() + "; register one spider per BuiltInSource, in its order");
        }
    }

    private static void register(BuiltInSource source, Function<WorkerConfig, Spider> factory) {
        REGISTRY.put(source.sourceName(), factory);
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
