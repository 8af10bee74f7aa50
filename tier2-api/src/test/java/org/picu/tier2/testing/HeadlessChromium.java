package org.picu.tier2.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, for the dashboard test. Installs it with apt-get when {@code /usr/bin/chromium} is
 * missing (the CI image runs as root), with the Noto CJK fonts so that the screenshots show Korean headlines;
 * fails with a message saying what to install otherwise. Every run gets a
 * fresh profile under {@code target/chromium/}, and the flags keep it off the network except for the page asked for.
 */
public final class HeadlessChromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path PROFILES = Path.of("target", "chromium").toAbsolutePath();
    private static final long TIMEOUT_SECONDS = 90;

    private HeadlessChromium() {
    }

    /** The binary, installing the Debian package first if needed. */
    public static Path require() throws IOException, InterruptedException {
        if (Files.isExecutable(BINARY)) {
            return BINARY;
        }
        run(List.of("apt-get", "update", "-qq"), Path.of("target", "apt-update.log"));
        run(List.of("apt-get", "install", "-y", "-qq", "chromium", "fonts-noto-cjk"),
                Path.of("target", "apt-install.log"));
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("the dashboard test needs Debian's chromium at " + BINARY
                    + " and could not install it (see target/apt-install.log);"
                    + " run: apt-get install -y chromium fonts-noto-cjk");
        }
        return BINARY;
    }

    /** The DOM after the page's scripts ran (within a virtual-time budget), as chromium's --dump-dom prints it. */
    public static String dumpDom(String url) throws IOException, InterruptedException {
        Path out = Files.createTempFile(Files.createDirectories(PROFILES), "dom-", ".html");
        List<String> command = command();
        command.add("--virtual-time-budget=15000");
        command.add("--dump-dom");
        command.add(url);
        run(command, out);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** A PNG of the page at {@code width}x{@code height}. */
    public static void screenshot(String url, Path png, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.deleteIfExists(png);
        List<String> command = command();
        command.add("--virtual-time-budget=15000");
        command.add("--hide-scrollbars");
        command.add("--window-size=" + width + "," + height);
        command.add("--screenshot=" + png.toAbsolutePath());
        command.add(url);
        run(command, Files.createTempFile(PROFILES, "screenshot-", ".log"));
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
    }

    private static List<String> command() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(Files.createDirectories(PROFILES), "profile-");
        return new ArrayList<>(List.of(require().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--user-data-dir=" + profile));
    }

    private static void run(List<String> command, Path stdout) throws IOException, InterruptedException {
        Path stderr = Path.of(stdout + ".err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(
                    command.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s; see " + stderr);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
    }
}
