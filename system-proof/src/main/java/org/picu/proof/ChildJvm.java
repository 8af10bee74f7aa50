package org.picu.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of the proof cluster: a JVM started with {@link ProcessBuilder} from the build's class path (never
 * through a shell), its stdout and stderr appended to {@code <logs>/<name>.log}. It can be SIGKILLed, stopped with
 * SIGTERM and started again; its peak resident memory is sampled from {@code /proc/<pid>/status} (VmHWM) while it
 * lives, so a killed process's peak is its last sample.
 */
final class ChildJvm {
    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private long peakRssKb;
    private int starts;

    ChildJvm(String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args,
             Map<String, String> environment, Path logDir) {
        this.name = name;
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        this.command = List.copyOf(cmd);
        this.environment = Map.copyOf(environment);
        this.log = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized ChildJvm start() {
        if (isAlive()) {
            throw new IllegalStateException(name + " is running already (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== start " + (starts + 1) + " at " + java.time.Instant.now() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            starts++;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized int starts() {
        return starts;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        Process p = current();
        if (p != null) {
            p.destroyForcibly();
            waitFor(p, Duration.ofSeconds(30));
        }
    }

    /** SIGTERM; SIGKILL if it has not ended within the grace period. */
    void stop(Duration grace) {
        Process p = current();
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitFor(p, grace)) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(30));
            }
        }
    }

    /** Waits for the process to end by itself; its exit code, or empty on timeout. */
    java.util.OptionalInt awaitExit(Duration timeout) {
        Process p = current();
        if (p == null) {
            return java.util.OptionalInt.empty();
        }
        return waitFor(p, timeout) ? java.util.OptionalInt.of(p.exitValue()) : java.util.OptionalInt.empty();
    }

    /** Reads VmHWM of the running process and keeps the largest value seen. */
    void sampleRss() {
        long pid = pid();
        if (pid <= 0) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    synchronized (this) {
                        peakRssKb = Math.max(peakRssKb, kb);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended between pid() and the read: its last sample stands
        }
    }

    synchronized long peakRssKb() {
        return peakRssKb;
    }

    private synchronized Process current() {
        return process;
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (not running)");
    }
}
