package org.picu.worker.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.picu.worker.config.RenderConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headless Chromium (Debian's {@code chromium} package) as a one-shot {@code --dump-dom} process per page.
 *
 * <ul>
 *   <li>a fresh {@code --user-data-dir} per page in a temporary directory, removed afterwards: no cookies,
 *       cache or profile carry over, and nothing is left on the SD card;</li>
 *   <li>no background traffic (component updates, sync, first-run), no GPU, no sandbox (it runs as the
 *       worker's unprivileged service user, which cannot set up Chromium's namespace sandbox on Pi OS);</li>
 *   <li>scripts run for at most {@code render.script-budget} of virtual time (Chromium's
 *       {@code --virtual-time-budget}: timers and network are fast-forwarded until then or until the page
 *       is idle), then the DOM is written out;</li>
 *   <li>the window is {@code render.viewport-height} pixels tall instead of being scrolled: lazily loaded
 *       content up to that height is loaded, and nothing past it; this is the bound on "scrolling";</li>
 *   <li>a hard {@code render.timeout}: after it, and on any error or interrupt, the whole process tree is
 *       killed (children first) and waited for;</li>
 *   <li>the tree's resident memory is sampled from {@code /proc} while it runs, so the browser's peak is
 *       reported on its own, apart from the worker JVM's.</li>
 * </ul>
 */
public final class ChromiumRenderer implements PageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ChromiumRenderer.class);
    private static final long SAMPLE_MS = 50;

    private final RenderConfig config;

    public ChromiumRenderer(RenderConfig config) {
        this.config = config;
    }

    /** The command line for one page; the user data dir and output go to {@code work}. */
    List<String> command(URI url, String userAgent, Path work) {
        List<String> cmd = new ArrayList<>(List.of(config.chromium().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--hide-scrollbars", "--mute-audio",
                "--user-data-dir=" + work.resolve("profile"),
                "--user-agent=" + userAgent,
                "--window-size=1280," + config.viewportHeight(),
                "--virtual-time-budget=" + config.scriptBudget().toMillis(),
                "--dump-dom", url.toString()));
        return cmd;
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
        java.util.Set<ProcessHandle> seen = new java.util.LinkedHashSet<>();
        long start = System.nanoTime();
        try {
            Path out = work.resolve("dom.html");
            ProcessBuilder builder = new ProcessBuilder(command(url, userAgent, work))
                    .redirectOutput(out.toFile())
                    .redirectError(work.resolve("stderr.txt").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            builder.environment().put("HOME", work.toString());
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new RenderException("cannot start " + config.chromium() + ": " + e.getMessage(), e);
            }
            long deadline = start + config.timeout().toNanos();
            long peak = 0;
            while (process.isAlive()) {
                peak = Math.max(peak, treeRss(process.toHandle(), seen));
                if (System.nanoTime() - deadline > 0) {
                    throw new RenderException("no DOM within render.timeout " + config.timeout() + "; browser killed");
                }
                process.waitFor(SAMPLE_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int exit = process.exitValue();
            long size = Files.size(out);
            if (exit != 0 || size == 0) {
                throw new RenderException("the browser exited with " + exit + " and " + size + " bytes of DOM: "
                        + tail(work.resolve("stderr.txt")));
            }
            if (size > maxBytes) {
                throw new RenderException("the rendered DOM has " + size + " bytes, over fetch.max-body-bytes " + maxBytes);
            }
            return new Rendered(Files.readAllBytes(out), elapsed, peak);
        } catch (IOException e) {
            throw new RenderException("cannot read the browser's output: " + e.getMessage(), e);
        } finally {
            if (process != null) {
                kill(process, seen);
            }
            deleteTree(work);
        }
    }

    /**
     * Kills the process and every descendant, children first, and waits until they are gone; {@code seen}
     * holds descendants sampled earlier, which may have been re-parented after their parent exited.
     */
    static void kill(Process process, java.util.Set<ProcessHandle> seen) {
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

    /** Sum of VmRSS over the process and its descendants, from /proc; 0 where that cannot be read. */
    static long treeRss(ProcessHandle root, java.util.Set<ProcessHandle> seen) {
        long sum = rss(root.pid());
        try (Stream<ProcessHandle> children = root.descendants()) {
            for (ProcessHandle child : (Iterable<ProcessHandle>) children::iterator) {
                seen.add(child);
                sum += rss(child.pid());
            }
        }
        return sum;
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"), StandardCharsets.UTF_8)) {
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
