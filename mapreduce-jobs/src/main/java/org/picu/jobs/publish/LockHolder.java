package org.picu.jobs.publish;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a {@link PartitionLock}: the run's owner string, and the process that took it: host name, pid, the
 * process's start time and the kernel's boot id. That is enough for a process on the same host to tell whether the
 * holder still lives without waiting for the lock's TTL: a different boot id means the host restarted since (power
 * loss), a pid that is gone or now belongs to a process started at another time means the holder died (SIGKILL, the
 * OOM killer). Written into the lock file as {@code key=value} lines; a lock file of one bare line (an older release,
 * or a hand-made one) is an owner with an unknown process, judged by its TTL alone.
 *
 * @param owner the run or orchestrator that holds the lock
 * @param host the holder's host name, empty when unknown
 * @param pid the holder's process id, 0 when unknown
 * @param startedMs the holder process's start time in epoch milliseconds, 0 when unknown
 * @param bootId the holder host's kernel boot id ({@code /proc/sys/kernel/random/boot_id}), empty when unknown
 */
public record LockHolder(String owner, String host, long pid, long startedMs, String bootId) {
    /** Start times of one process read twice may differ by the clock tick they are computed from. */
    private static final long START_TOLERANCE_MS = 1_000;

    private static final String HOST = localHost();
    private static final String BOOT_ID = read(Path.of("/proc/sys/kernel/random/boot_id"));

    /** This process, holding for {@code owner}. */
    public static LockHolder current(String owner) {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new LockHolder(owner, HOST, self.pid(), started, BOOT_ID);
    }

    /** What a lock file says; a file without {@code key=value} lines is a bare owner. */
    public static LockHolder parse(String text) {
        String trimmed = text.trim();
        if (!trimmed.startsWith("owner=")) {
            return new LockHolder(trimmed, "", 0, 0, "");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        trimmed.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
            }
        });
        return new LockHolder(fields.getOrDefault("owner", ""), fields.getOrDefault("host", ""),
                number(fields.get("pid")), number(fields.get("started")), fields.getOrDefault("boot", ""));
    }

    /** The lock file's content. */
    public String toText() {
        return "owner=" + owner + "\nhost=" + host + "\npid=" + pid + "\nstarted=" + startedMs + "\nboot=" + bootId
                + "\n";
    }

    /**
     * Why the holder is certainly dead, judged from {@code observer}'s host, or empty when it may live. Only a holder
     * on the observer's host (same host name) can be judged: the host restarted since it took the lock (another boot
     * id), or its pid is gone or belongs to a process started at another time. A live process on this host is never
     * judged dead, however long ago it renewed; a holder on another host or of unknown process is left to the TTL.
     */
    public Optional<String> deadOn(LockHolder observer) {
        if (host.isEmpty() || !host.equals(observer.host) || pid <= 0) {
            return Optional.empty();
        }
        if (!bootId.isEmpty() && !observer.bootId.isEmpty() && !bootId.equals(observer.bootId)) {
            return Optional.of("host " + host + " restarted since process " + pid + " took it (boot id " + bootId
                    + ", now " + observer.bootId + ")");
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return Optional.of("process " + pid + " on " + host + " that took it is gone");
        }
        if (startedMs > 0) {
            Optional<Long> started = process.get().info().startInstant().map(Instant::toEpochMilli);
            if (started.isPresent() && Math.abs(started.get() - startedMs) > START_TOLERANCE_MS) {
                return Optional.of("process " + pid + " on " + host + " that took it is gone (the pid now belongs to "
                        + "a process started at " + Instant.ofEpochMilli(started.get()) + ")");
            }
        }
        return Optional.empty();
    }

    /** Whether the holder is a process on the observer's host that is alive: its lock is never taken over. */
    public boolean aliveOn(LockHolder observer) {
        return !host.isEmpty() && host.equals(observer.host) && pid > 0 && deadOn(observer).isEmpty();
    }

    /** For messages: the owner and, when known, where it runs. */
    public String describe() {
        return host.isEmpty() ? owner : owner + " (process " + pid + " on " + host + ")";
    }

    private static long number(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String localHost() {
        String name = read(Path.of("/proc/sys/kernel/hostname"));
        if (!name.isEmpty()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
