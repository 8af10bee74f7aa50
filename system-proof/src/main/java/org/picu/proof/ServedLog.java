package org.picu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live site's served log, read back: every record served, by source and natural key, and when each worker
 * started a crawl run. Lines (tab-separated): {@code R <served-ms> <worker> <source>} for the first request of a
 * run, {@code S <served-ms> <worker> <source> <natural key> ok|bad} for each record in an answer.
 */
record ServedLog(List<Served> served, Map<String, List<Long>> runStarts) {
    /** A run whose last answer is older than this at the kill had long been synced: none of it counts as cut. */
    static final long SYNC_WINDOW_MS = 10_000;

    /**
     * One record served to one worker; the same key may be served several times (a news article listed again,
     * crawled by both workers), and each serving is a line of its own.
     *
     * @param ok false for the deliberately malformed records, which the cleaning jobs must reject
     */
    record Served(long servedAt, String worker, String source, String key, boolean ok) {
    }

    static ServedLog read(Path file) throws IOException {
        List<Served> served = new ArrayList<>();
        Map<String, List<Long>> runs = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f[0].equals("R") && f.length == 4) {
                runs.computeIfAbsent(f[2], w -> new ArrayList<>()).add(Long.parseLong(f[1]));
            } else if (f[0].equals("S") && f.length == 6) {
                served.add(new Served(Long.parseLong(f[1]), f[2], f[3], f[4], f[5].equals("ok")));
            }
        }
        return new ServedLog(List.copyOf(served), Map.copyOf(runs));
    }

    /** The servings of the given sources. */
    List<Served> of(List<String> sources) {
        return served.stream().filter(s -> sources.contains(s.source())).toList();
    }

    /**
     * The servings that a SIGKILL cut short: served to that worker after the start of its last run before the
     * kill (the daemon runs its sources one after another), at most {@link #SYNC_WINDOW_MS} before the kill. The
     * worker's durability contract is "a crash loses at most the run in progress" (the spool is fsynced after
     * every run), so the records of these servings may be missing; they must never be duplicated.
     */
    Set<Served> cutByKills(String worker, List<Instant> kills) {
        Set<Served> cut = new HashSet<>();
        List<Long> starts = runStarts.getOrDefault(worker, List.of());
        for (Instant kill : kills) {
            long k = kill.toEpochMilli();
            long runStart = Math.max(k - SYNC_WINDOW_MS,
                    starts.stream().filter(s -> s <= k).max(Long::compare).orElse(Long.MIN_VALUE));
            for (Served s : served) {
                if (s.worker().equals(worker) && s.servedAt() >= runStart && s.servedAt() <= k) {
                    cut.add(s);
                }
            }
        }
        return cut;
    }
}
