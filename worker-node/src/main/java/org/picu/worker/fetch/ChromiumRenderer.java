package org.picu.worker.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.picu.worker.config.RenderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium (Debian's {@code chromium} package), one process tree per page, driven over the DevTools
 * protocol ({@link DevToolsSession}).
 *
 * <ul>
 *   <li>a fresh {@code --user-data-dir} per page in a temporary directory, removed afterwards: no cookies,
 *       cache or profile carry over, and nothing is left on the SD card;</li>
 *   <li>no background traffic (component updates, sync, first-run), no GPU, no sandbox (it runs as the
 *       worker's unprivileged service user, which cannot set up Chromium's namespace sandbox on Pi OS);</li>
 *   <li>DevTools listens on a port the system picks ({@code --remote-debugging-port=0}, loopback only); the
 *       address is read from the browser's {@code DevTools listening on ws://…} line;</li>
 *   <li>the page's scripts run for at most {@code render.script-budget} of virtual time (timers and network are
 *       fast-forwarded until then or until the page is idle, as {@code --virtual-time-budget} does);</li>
 *   <li>a bounded scroll: then, at most {@code render.max-scrolls} times, the window is scrolled down by its
 *       height ({@code render.viewport-height}) and the scripts get {@code render.scroll-pause} of virtual time;
 *       it stops early when the page no longer grows; then the DOM is read;</li>
 *   <li>a hard {@code render.timeout} over all of it: after it, and on any error or interrupt, the whole process
 *       tree is killed (children first) and waited for;</li>
 *   <li>the tree's memory (proportional set size, summed over its processes, so shared libraries count once) is
 *       sampled from {@code /proc} every 50 ms while it runs, so the browser's peak is reported on its own, apart
 *       from the worker JVM's.</li>
 * </ul>
 */
public final class ChromiumRenderer implements PageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumRenderer.class);
    private static final long SAMPLE_MS = 50;
    private static final String LISTENING = "DevTools listening on ";
    /** Scrolls by one window height and waits for the next frame, in which the page's scroll handlers run. */
    private static final String SCROLL = "window.scrollBy(0, window.innerHeight);"
            + " new Promise(done => requestAnimationFrame(() => done(window.scrollY)))";
    private static final String PAGE_HEIGHT = "(document.body || document.documentElement).scrollHeight";

    private final RenderConfig config;

    public ChromiumRenderer(RenderConfig config) {
        this.config = config;
    }

    /** The command line for one browser; its user data dir goes to {@code work}. */
    List<String> command(String userAgent, Path work) {
        return List.of(config.chromium().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + work.resolve("profile"),
                "--user-agent=" + userAgent,
                "--window-size=1280," + config.viewportHeight(),
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank");
    }

    @Override
    public Rendered render(URI url, String userAgent, long maxBytes) throws RenderException, InterruptedException {
        if (!Files.isExecutable(config.chromium())) {
            throw new RenderException(config.chromium() + " is not an executable file; install Debian's chromium"
                    + " package or set render.chromium");
        }
        Path work;
        try {
            work = Files.createTempDirectory("picu-render-");
        } catch (IOException e) {
            throw new RenderException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        Process process = null;
        Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        MemorySampler sampler = null;
        long start = System.nanoTime();
        long deadline = start + config.timeout().toNanos();
        try {
            Path stderr = work.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command(userAgent, work))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("HOME", work.toString());
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new RenderException("cannot start " + config.chromium() + ": " + e.getMessage(), e);
            }
            sampler = new MemorySampler(process.toHandle(), seen);
            sampler.start();
            String html;
            try (DevToolsSession devTools = DevToolsSession.connect(endpoint(process, stderr, deadline), deadline)) {
                html = load(devTools, url, deadline);
            }
            byte[] dom = html.getBytes(StandardCharsets.UTF_8);
            if (dom.length > maxBytes) {
                throw new RenderException("the rendered DOM has " + dom.length + " bytes, over fetch.max-body-bytes "
                        + maxBytes);
            }
            long peak = sampler.finish();
            return new Rendered(dom, Duration.ofNanos(System.nanoTime() - start), peak);
        } finally {
            if (sampler != null) {
                sampler.finish();
            }
            if (process != null) {
                kill(process, seen);
            }
            deleteTree(work);
        }
    }

    /** Navigates, lets the scripts run, scrolls at most {@code render.max-scrolls} times and reads the DOM. */
    private String load(DevToolsSession devTools, URI url, long deadline) throws RenderException, InterruptedException {
        devTools.attachNewPage(deadline);
        devTools.call("Emulation.setVirtualTimePolicy", policy("pause"), deadline);
        JsonNode navigation = devTools.call("Page.navigate",
                DevToolsSession.params().put("url", url.toString()), deadline);
        if (navigation.hasNonNull("errorText")) {
            throw new RenderException("the browser could not load the page: " + navigation.get("errorText").asText());
        }
        runScripts(devTools, config.scriptBudget(), deadline);
        for (int i = 0; i < config.maxScrolls(); i++) {
            long before = devTools.evaluate(PAGE_HEIGHT, deadline).asLong();
            devTools.evaluate(SCROLL, deadline);
            runScripts(devTools, config.scrollPause(), deadline);
            if (devTools.evaluate(PAGE_HEIGHT, deadline).asLong() <= before) {
                break;
            }
        }
        return devTools.evaluate("document.documentElement.outerHTML", deadline).asText();
    }

    /** Lets timers and requests run for {@code budget} of virtual time (or until the page is idle), then pauses. */
    private static void runScripts(DevToolsSession devTools, Duration budget, long deadline)
            throws RenderException, InterruptedException {
        if (budget.isZero()) {
            return;
        }
        CompletableFuture<JsonNode> expired = devTools.expect("Emulation.virtualTimeBudgetExpired");
        devTools.call("Emulation.setVirtualTimePolicy",
                policy("pauseIfNetworkFetchesPending").put("budget", budget.toMillis()), deadline);
        DevToolsSession.await(expired, deadline, "the page's scripts");
    }

    private static ObjectNode policy(String policy) {
        return DevToolsSession.params().put("policy", policy);
    }

    /** Waits for the browser's {@code DevTools listening on ws://…} line on its standard error. */
    private URI endpoint(Process process, Path stderr, long deadline) throws RenderException, InterruptedException {
        while (true) {
            try {
                for (String line : Files.readAllLines(stderr, StandardCharsets.UTF_8)) {
                    int at = line.indexOf(LISTENING);
                    if (at >= 0) {
                        return URI.create(line.substring(at + LISTENING.length()).trim());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                // not written yet, or a line cut in the middle: read it again
            }
            if (!process.isAlive()) {
                throw new RenderException("the browser exited with " + process.exitValue()
                        + " before DevTools was listening: " + tail(stderr));
            }
            if (System.nanoTime() - deadline > 0) {
                throw new RenderException("DevTools not listening within render.timeout " + config.timeout()
                        + "; browser killed");
            }
            process.waitFor(SAMPLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Samples the tree's memory every 50 ms until {@link #finish()}. */
    private static final class MemorySampler extends Thread {
        private final ProcessHandle root;
        private final Set<ProcessHandle> seen;
        private volatile long peak;

        MemorySampler(ProcessHandle root, Set<ProcessHandle> seen) {
            super("picu-render-memory");
            setDaemon(true);
            this.root = root;
            this.seen = seen;
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, treeRss(root, seen));
                try {
                    Thread.sleep(SAMPLE_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Stops sampling (idempotent) and returns the peak. */
        long finish() {
            interrupt();
            try {
                join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return peak;
        }
    }

    /**
     * Kills the process and every descendant, children first, and waits until they are gone; {@code seen}
     * holds descendants sampled earlier, which may have been re-parented after their parent exited.
     */
    static void kill(Process process, Set<ProcessHandle> seen) {
        java.util.Set<ProcessHandle> tree = new java.util.LinkedHashSet<>();
        process.toHandle().descendants().forEach(tree::add);
        tree.addAll(seen);
        tree.removeIf(h -> !h.isAlive());
        for (ProcessHandle child : tree) {
            child.destroyForcibly();
        }
        process.destroyForcibly();
        try {
            process.waitFor();
            for (ProcessHandle child : tree) {
                if (child.isAlive()) {
                    child.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("a browser process did not exit within 5 s of SIGKILL: {}", e.toString());
        }
    }

    /** Memory of the process and its descendants (PSS, else VmRSS) from /proc; 0 where that cannot be read. */
    static long treeRss(ProcessHandle root, Set<ProcessHandle> seen) {
        long sum = rss(root.pid());
        try (Stream<ProcessHandle> children = root.descendants()) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) children::iterator) {
                seen.add(child);
                sum += rss(child.pid());
            }
        }
        return sum;
    }

    /**
     * The process's proportional set size (its private pages plus its share of pages shared with other
     * processes, e.g. the browser's libraries), so that summing over the tree counts shared pages once; VmRSS
     * where smaps_rollup is missing.
     */
    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"),
                    StandardCharsets.UTF_8)) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // older kernel, or the process ended: fall back to VmRSS
        }
        try {
            for (String line :
                    Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading, or there is no /proc
        }
        return 0;
    }

    private static String tail(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.length() > 300 ? "..." + text.substring(text.length() - 300) : text;
        } catch (IOException e) {
            return "(no error output)";
        }
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not remove the browser's temporary directory {}: {}", dir, e.getMessage());
        }
    }
}
