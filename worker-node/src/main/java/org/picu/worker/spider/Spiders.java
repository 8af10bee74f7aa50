package org.picu.worker.spider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.picu.worker.config.WorkerConfig;

/** The explicit list of spiders this worker can run. A new source is one more line here. */
public final class Spiders {
    private static final Map<String, Function<WorkerConfig, Spider>> REGISTRY = new LinkedHashMap<>();

    static {
        REGISTRY.put(UpbitSpider.NAME, config -> new UpbitSpider(config.sources().upbit()));
    }

    private Spiders() {
    }

    /** Source names in registration order. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The spider for a source name, configured from the worker config, if there is one. */
    public static Optional<Spider> create(String name, WorkerConfig config) {
        Function<WorkerConfig, Spider> factory = REGISTRY.get(name);
        return factory == null ? Optional.empty() : Optional.of(factory.apply(config));
    }
}
