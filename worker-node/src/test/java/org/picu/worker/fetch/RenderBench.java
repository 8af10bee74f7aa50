package org.picu.worker.fetch;

import java.net.URI;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;
import org.picu.worker.config.RenderConfig;

/**
 * Time and memory of one rendered page: headless Chromium on the loopback client-rendered page of the
 * {@code render-check} site, {@code n} times in a row. Prints per page the wall time and the browser's peak memory
 * (PSS summed over its process tree; the worker JVM's own memory is not in it). Not a test: run it by hand (command
 * in docs/bench/sources.md).
 */
public final class RenderBench {
    private RenderBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        ChromiumRenderer renderer = new ChromiumRenderer(RenderConfig.defaults());
        try (ReplayServer site = ReplayServer.start("render-check")) {
            URI page = URI.create(site.baseUrl() + "/finance/crypto");
            System.out.printf("%-4s %10s %14s %10s%n", "page", "wall ms", "peak PSS MiB", "DOM bytes");
            for (int i = 1; i <= n; i++) {
                PageRenderer.Rendered r = renderer.render(page, FetchConfig.DEFAULT_USER_AGENT, 4 << 20);
                System.out.printf("%-4d %10d %14.1f %10d%n", i, r.elapsed().toMillis(), r.peakRssBytes() / 1048576.0,
                        r.dom().length);
            }
        }
    }
}
