package org.picu.demo.proof;

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

/** The live site's served log, read back: every ticker served, and when each worker started a crawl run. */
record ServedLog(List<Ticker> tickers, Map<String, List<Long>> runStarts) {
    /** One served ticker; {@code ok} false for the deliberately malformed ones. */
    record Ticker(long servedAt, String worker, String symbol, long tradeMillis, boolean ok) {
        String key() {
            return FreshnessProbe.key(symbol, tradeMillis);
        }
    }

    static ServedLog read(Path file) throws IOException {
        List<Ticker> tickers = new ArrayList<>();
        Map<String, List<Long>> runs = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            if (f[0].equals("R") && f.length == 3) {
                runs.computeIfAbsent(f[2], w -> new ArrayList<>()).add(Long.parseLong(f[1]));
            } else if (f[0].equals("T") && f.length == 6) {
                tickers.add(new Ticker(Long.parseLong(f[1]), f[2], f[3], Long.parseLong(f[4]), f[5].equals("ok")));
            }
        }
        return new ServedLog(List.copyOf(tickers), Map.copyOf(runs));
    }

    /** A run whose last answer is older than this at the kill had long been synced: none of it counts as cut. */
    static final long SYNC_WINDOW_MS = 10_000;

    /**
     * The tickers of the crawl runs that a SIGKILL cut short: served to that worker after the start of its last run
     * before the kill, at most {@link #SYNC_WINDOW_MS} before the kill. The worker's durability contract is "a crash
     * loses at most the run in progress" (the spool is fsynced after every run), so these may be missing; they must
     * never be duplicated.
     */
    Set<String> cutByKills(String worker, List<Instant> kills) {
        Set<String> cut = new HashSet<>();
        List<Long> starts = runStarts.getOrDefault(worker, List.of());
        for (Instant kill : kills) {
            long k = kill.toEpochMilli();
            long runStart = Math.max(k - SYNC_WINDOW_MS,
                    starts.stream().filter(s -> s <= k).max(Long::compare).orElse(Long.MIN_VALUE));
            for (Ticker t : tickers) {
                if (t.worker().equals(worker) && t.servedAt() >= runStart && t.servedAt() <= k) {
                    cut.add(t.key());
                }
            }
        }
        return cut;
    }
}
