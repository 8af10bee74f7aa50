package org.picu.worker.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Keys {@code render.*}: the headless browser used by sources with {@code render: true} (off for every
 * source by default). See {@link org.picu.worker.fetch.ChromiumRenderer}.
 *
 * @param chromium the browser executable (Debian's {@code chromium} package)
 * @param timeout the browser is killed when a page takes longer than this, start to exit
 * @param scriptBudget virtual time the page's scripts get before the DOM is written out
 * @param viewportHeight the window's height in pixels: content up to it is laid out and lazily loaded;
 *     the page is not scrolled further
 */
public record RenderConfig(Path chromium, Duration timeout, Duration scriptBudget, int viewportHeight) {
    public static final Path DEFAULT_CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);
    public static final Duration DEFAULT_SCRIPT_BUDGET = Duration.ofSeconds(10);
    public static final int DEFAULT_VIEWPORT_HEIGHT = 4000;
    public static final int MAX_VIEWPORT_HEIGHT = 20_000;

    public RenderConfig {
        Objects.requireNonNull(chromium, "chromium");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(scriptBudget, "scriptBudget");
    }

    public static RenderConfig defaults() {
        return new RenderConfig(DEFAULT_CHROMIUM, DEFAULT_TIMEOUT, DEFAULT_SCRIPT_BUDGET, DEFAULT_VIEWPORT_HEIGHT);
    }
}
