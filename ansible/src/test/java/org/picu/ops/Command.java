package org.picu.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One external command run by a test: output to a log file under target/, a time limit, the exit code. */
final class Command {
    private final List<String> argv = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private Path dir;
    private Duration timeout = Duration.ofMinutes(10);

    private Command(List<String> argv) {
        this.argv.addAll(argv);
    }

    static Command of(String... argv) {
        return new Command(List.of(argv));
    }

    static Command of(List<String> argv) {
        return new Command(argv);
    }

    Command in(Path directory) {
        this.dir = directory;
        return this;
    }

    Command env(String name, String value) {
        env.put(name, value);
        return this;
    }

    Command env(Map<String, String> values) {
        env.putAll(values);
        return this;
    }

    Command timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    /** Runs the command, its stdout and stderr going to {@code log}. */
    Result run(Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            pb.environment().putAll(env);
            long start = System.nanoTime();
            Process process = pb.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", argv) + " did not finish within " + timeout + "; see " + log);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            return new Result(process.exitValue(), Files.readString(log), log, took);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + argv, e);
        }
    }

    /** Runs the command and fails the test, quoting the end of its output, unless it exits 0. */
    Result runOk(Path log) {
        Result result = run(log);
        if (result.exitCode() != 0) {
            throw new AssertionError(String.join(" ", argv) + " exited " + result.exitCode() + "; see " + log
                    + "\n" + result.tail(40));
        }
        return result;
    }

    record Result(int exitCode, String output, Path log, Duration took) {
        String tail(int lines) {
            String[] all = output.split("\n");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
        }
    }
}
