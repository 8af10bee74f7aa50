package org.picu.worker.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;
import org.picu.worker.config.RenderConfig;

/** The optional renderer: real headless Chromium against a loopback page that builds its content in JavaScript. */
class ChromiumRenderIT {
    private ReplayServer site;

    @BeforeAll
    static void chromiumIsInstalled() {
        // The build installs Debian's chromium when missing (see the root README); without it there is nothing to run.
        assumeTrue(Files.isExecutable(RenderConfig.DEFAULT_CHROMIUM), "/usr/bin/chromium is not installed");
    }

    @BeforeEach
    void start() {
        site = ReplayServer.start("render-check");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void the_rendered_dom_holds_what_the_scripts_built_and_the_plain_answer_does_not() throws Exception {
        Fetcher fetcher = fetcher(RenderConfig.defaults());
        List<Path> before = renderDirs();

        FetchResponse plain = fetcher.get(url("/finance/crypto"));
        FetchResponse rendered = fetcher.render(url("/finance/crypto"));

        assertFalse(plain.text().contains("<h1>Crypto Market Summary</h1>"), "the server sends only the shell");
        assertTrue(rendered.text().contains("<h1>Crypto Market Summary</h1>"), rendered.text());
        assertTrue(rendered.text().contains("Solana gained 0.8%"), "the 1.5 s timer ran before the DOM was written");
        assertEquals(1, fetcher.outcomes().get(FetchOutcome.RENDERED));
        assertNoBrowserLeft();
        assertEquals(before, renderDirs(), "the browser's temporary profile is removed");
    }

    @Test
    void a_bounded_scroll_shows_the_items_each_scroll_loaded_and_no_more() throws Exception {
        List<Path> before = renderDirs();

        String scrolled = fetcher(RenderConfig.defaults().withScrolls(3, Duration.ofMillis(300)))
                .render(url("/feed/latest")).text();
        RenderConfig noScroll = RenderConfig.defaults().withScrolls(0, Duration.ofMillis(300));
        PageRenderer.Rendered direct = new ChromiumRenderer(noScroll).render(url("/feed/latest"), "picu-test", 1 << 20);
        String unscrolled = new String(direct.dom(), StandardCharsets.UTF_8);

        for (int batch = 1; batch <= 3; batch++) {
            assertTrue(scrolled.contains("Scroll batch " + batch + " item 3"), "batch " + batch + ": " + scrolled);
        }
        assertFalse(scrolled.contains("Scroll batch 4"), "render.max-scrolls 3 bounds the scroll: " + scrolled);
        assertTrue(unscrolled.contains("<h1>Latest news</h1>"), unscrolled);
        assertFalse(unscrolled.contains("Scroll batch 1 item"), "no scroll, no scroll-loaded items: " + unscrolled);
        assertTrue(direct.peakRssBytes() > 10L << 20, "the browser's memory is sampled: " + direct.peakRssBytes());
        assertNoBrowserLeft();
        assertEquals(before, renderDirs());
    }

    @Test
    void robots_txt_keeps_the_renderer_out_too() throws Exception {
        Fetcher fetcher = fetcher(RenderConfig.defaults());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.render(url("/private/finance")));

        assertTrue(e.getMessage().contains("disallowed by robots.txt"), e.getMessage());
        assertEquals(0, site.requestCount("/private/finance"), "the browser never asked for it");
    }

    @Test
    void a_page_over_the_hard_timeout_kills_the_whole_browser_tree() throws Exception {
        RenderConfig quick = new RenderConfig(RenderConfig.DEFAULT_CHROMIUM, Duration.ofMillis(1500),
                RenderConfig.DEFAULT_SCRIPT_BUDGET, RenderConfig.DEFAULT_VIEWPORT_HEIGHT);
        Fetcher fetcher = fetcher(quick);
        List<Path> before = renderDirs();

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.render(url("/slow")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(e.getMessage().contains("render.timeout"), e.getMessage());
        assertTrue(millis < 7000, "gave up after " + millis + " ms, before the 8 s answer");
        assertEquals(1, fetcher.outcomes().get(FetchOutcome.RENDER_FAILED));
        assertNoBrowserLeft();
        assertEquals(before, renderDirs());
    }

    @Test
    void a_challenge_stays_a_challenge_when_rendered() {
        Fetcher fetcher = fetcher(RenderConfig.defaults());

        BlockedException e = assertThrows(BlockedException.class, () -> fetcher.render(url("/challenge")));

        assertEquals(FetchOutcome.BLOCKED_BY_CHALLENGE, e.reason());
    }

    @Test
    void a_missing_browser_is_a_render_failure_not_a_crash() {
        RenderConfig missing = new RenderConfig(Path.of("/nonexistent/chromium"), Duration.ofSeconds(5),
                Duration.ofSeconds(1), 1000);

        FetchException e = assertThrows(FetchException.class, () -> fetcher(missing).render(url("/finance/crypto")));

        assertTrue(e.getMessage().contains("/nonexistent/chromium is not an executable file"), e.getMessage());
    }

    private Fetcher fetcher(RenderConfig render) {
        FetchConfig config = FetchConfig.defaults().withHostDelay(Duration.ZERO)
                .withBackoff(1, Duration.ZERO, Duration.ZERO, 5);
        return new Fetcher(config, Clock.systemUTC(), new RobotsCache(config.robotsTtl(), Clock.systemUTC()),
                HostCooldowns.inMemory(Clock.systemUTC()), new ChromiumRenderer(render));
    }

    private static void assertNoBrowserLeft() {
        List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.contains("chrom")).orElse(false)).toList();
        assertTrue(left.isEmpty(), "browser processes left: " + left);
    }

    private static List<Path> renderDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(p -> p.getFileName().toString().startsWith("picu-render-")).sorted().toList();
        }
    }

    private URI url(String path) {
        return URI.create(site.baseUrl() + path);
    }
}
