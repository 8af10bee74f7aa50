package org.picu.demo.proof;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.picu.model.layout.PartitionManifest;

/** The result of a proof run: the checks' counts, the fault log, freshness, throughput and peak RSS, as text. */
public final class ProofReport {
    private final StringBuilder text = new StringBuilder();
    private final Map<String, Long> counts = new java.util.LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    /** Whether every check passed: nothing lost, duplicated, unexpected or partial, every fault injected. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** What failed, one line each; empty when the proof passed. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** A count by name: served, lost, duplicated, partial, rejects_missing, faults_not_injected, ... */
    public long count(String name) {
        Long value = counts.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no count named " + name + "; known: " + counts.keySet());
        }
        return value;
    }

    public String text() {
        return text.toString();
    }

    static ProofReport build(FaultSchedule schedule, Instant runStart, Instant crawlEnd, long drainSeconds,
                             List<String> drainNotes, ServedLog served, ProofChecks checks, FaultLog faults,
                             Map<String, Long> firstSeen, List<String> tier2Log, Map<String, Long> peakRssKb)
            throws IOException, SQLException {
        ProofReport r = new ProofReport();
        Map<String, ServedLog.Ticker> ok = new HashMap<>();
        Map<String, ServedLog.Ticker> bad = new HashMap<>();
        for (ServedLog.Ticker t : served.tickers()) {
            (t.ok() ? ok : bad).put(t.key(), t);
        }
        Set<String> cut = new HashSet<>();
        for (String worker : List.of(ProofPipeline.FULL_WORKER, ProofPipeline.CAPPED_WORKER)) {
            cut.addAll(served.cutByKills(worker, faults.kills("worker-" + worker)));
        }
        Map<String, Integer> db = checks.databaseKeys();
        Map<LocalDate, PartitionManifest> manifests = checks.manifests();
        Map<String, Integer> parquet = checks.parquetKeys(manifests);
        Map<String, String> rejects = checks.rejects(manifests);
        List<String> leftovers = checks.hdfsLeftovers(manifests);
        List<String> partial = checks.partialPartitions(manifests);

        List<String> lost = new ArrayList<>();
        long cutMissing = 0;
        for (String key : ok.keySet()) {
            if (!db.containsKey(key)) {
                if (cut.contains(key)) {
                    cutMissing++;
                } else {
                    lost.add(key.replace('\t', '@'));
                }
            }
        }
        List<String> dupDb = db.entrySet().stream().filter(e -> e.getValue() > 1).map(e -> e.getKey().replace('\t', '@')).toList();
        List<String> dupParquet = parquet.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey().replace('\t', '@')).toList();
        List<String> unexpected = db.keySet().stream().filter(k -> !ok.containsKey(k)).map(k -> k.replace('\t', '@')).toList();
        List<String> notInParquet = db.keySet().stream().filter(k -> !parquet.containsKey(k)).map(k -> k.replace('\t', '@')).toList();
        List<String> rejectsMissing = new ArrayList<>();
        long badCut = 0;
        for (String key : bad.keySet()) {
            String reason = rejects.get(key);
            if (reason == null && cut.contains(key)) {
                badCut++;
            } else if (reason == null || reason.isBlank()) {
                rejectsMissing.add(key.replace('\t', '@'));
            }
        }
        Map<String, Long> reasons = new java.util.TreeMap<>();
        bad.keySet().stream().map(rejects::get).filter(java.util.Objects::nonNull).forEach(x -> reasons.merge(x, 1L, Long::sum));
        List<String> badLoaded = bad.keySet().stream().filter(db::containsKey).map(k -> k.replace('\t', '@')).toList();
        List<FaultLog.Outcome> outcomes = faults.outcomes();
        List<FaultLog.Outcome> notInjected = outcomes.stream().filter(o -> !o.injected()).toList();
        long missingOutcomes = schedule.faults().size() - outcomes.size();

        r.counts.put("served", (long) ok.size());
        r.counts.put("served_malformed", (long) bad.size());
        r.counts.put("in_db", (long) db.size());
        r.counts.put("lost", (long) lost.size());
        r.counts.put("cut_by_kill_missing", cutMissing + badCut);
        r.counts.put("duplicated", (long) (dupDb.size() + dupParquet.size()));
        r.counts.put("unexpected", (long) (unexpected.size() + notInParquet.size() + badLoaded.size()));
        r.counts.put("rejects_missing", (long) rejectsMissing.size());
        r.counts.put("partial", (long) (leftovers.size() + partial.size()));
        r.counts.put("faults_scheduled", (long) schedule.faults().size());
        r.counts.put("faults_not_injected", notInjected.size() + missingOutcomes);
        r.counts.put("faults_in_flight", outcomes.stream().filter(FaultLog.Outcome::inFlight).count());

        r.fail(lost.size(), "lost", lost);
        r.fail(dupDb.size(), "duplicated in MariaDB", dupDb);
        r.fail(dupParquet.size(), "duplicated in the published Parquet", dupParquet);
        r.fail(unexpected.size(), "rows in MariaDB that were never served", unexpected);
        r.fail(notInParquet.size(), "rows in MariaDB that are not in the published Parquet", notInParquet);
        r.fail(badLoaded.size(), "malformed records loaded into MariaDB", badLoaded);
        r.fail(rejectsMissing.size(), "malformed records not in a reject output with a reason", rejectsMissing);
        r.fail(leftovers.size(), "temporary or partial files in HDFS", leftovers);
        r.fail(partial.size(), "partitions not (or half) loaded in MariaDB", partial);
        r.fail((int) (notInjected.size() + missingOutcomes), "faults not injected",
                notInjected.stream().map(o -> o.fault() + ": " + o.detail()).toList());

        long runMs = Duration.between(runStart, crawlEnd).toMillis();
        r.line("PICU system proof — seed " + schedule.seed() + ", duration " + schedule.duration().toSeconds() + " s (crawl ran "
                + runMs / 1000 + " s, drain " + drainSeconds + " s); load average at the end: " + loadAverage());
        r.line("");
        r.line("RESULT: " + (r.passed() ? "PASSED" : "FAILED"));
        r.failures.forEach(f -> r.line("  FAIL " + f));
        r.line("");
        r.line("Records (natural key: source, symbol, timestamp)");
        r.row("served by the live site", ok.size());
        r.row("in MariaDB (market_trends)", db.size());
        r.row("in the published Parquet", parquet.size());
        r.row("lost", lost.size());
        r.row("duplicated (MariaDB + Parquet)", dupDb.size() + dupParquet.size());
        r.row("in MariaDB but never served", unexpected.size());
        r.row("cut by a SIGKILL before the spool sync", cutMissing + badCut);
        r.row("malformed served", bad.size());
        r.row("malformed in _rejects with a reason", bad.size() - rejectsMissing.size() - badCut);
        r.line("    reasons: " + reasons);
        r.row("temporary/partial HDFS files", leftovers.size());
        r.row("half-loaded partitions", partial.size());
        drainNotes.forEach(n -> r.line("  drain: " + n));
        r.line("");
        r.line("Faults (" + outcomes.stream().filter(FaultLog.Outcome::injected).count() + " of " + schedule.faults().size()
                + " injected)");
        for (FaultLog.Outcome o : outcomes) {
            r.line(String.format("  %-52s %s%s at %s%n      %s", o.fault(), o.injected() ? "injected" : "NOT INJECTED",
                    o.injected() ? (o.inFlight() ? ", work in flight" : ", nothing in flight seen") : "", o.at(), o.detail()));
        }
        r.line("Fault log");
        faults.events().forEach(e -> r.line("  " + e));
        r.line("");
        r.freshness(ok, firstSeen);
        r.throughput(ok.size(), runMs, checks, tier2Log);
        r.line("Peak RSS (VmHWM; a killed process: its last sample)");
        peakRssKb.forEach((name, kb) -> r.line(String.format("  %-18s %6d MB", name, kb / 1024)));
        return r;
    }

    private void freshness(Map<String, ServedLog.Ticker> ok, Map<String, Long> firstSeen) {
        List<Long> ages = new ArrayList<>();
        for (Map.Entry<String, Long> e : firstSeen.entrySet()) {
            ServedLog.Ticker t = ok.get(e.getKey());
            if (t != null) {
                ages.add(e.getValue() - t.servedAt());
            }
        }
        ages.sort(null);
        line("Freshness: served (= crawled) → first visible through GET /api/market/trends (polled every ~1.5 s)");
        if (ages.isEmpty()) {
            line("  no record was seen through the API");
        } else {
            line(String.format("  p50 %.1f s, p95 %.1f s, max %.1f s over %d records", pct(ages, 50) / 1000.0,
                    pct(ages, 95) / 1000.0, ages.get(ages.size() - 1) / 1000.0, ages.size()));
        }
        line("");
    }

    private void throughput(long served, long runMs, ProofChecks checks, List<String> tier2Log) throws IOException {
        long[] raw = checks.rawTotals();
        long[] clean = checks.cleanTotals();
        long[] load = ProofChecks.loadTotals(tier2Log);
        line("Throughput per stage");
        line(String.format("  served    %7d records in %5.0f s of crawl          = %8.1f records/s", served, runMs / 1000.0,
                served * 1000.0 / Math.max(1, runMs)));
        line(String.format("  uploaded  %7d records in %d raw files over %5.0f s = %8.1f records/s", raw[0], raw[3],
                (raw[2] - raw[1]) / 1000.0, raw[0] * 1000.0 / Math.max(1, raw[2] - raw[1])));
        line(String.format("  cleaned   %7d input records in %d clean-market runs, %5.1f s of job time = %8.1f records/s",
                clean[0], clean[2], clean[1] / 1000.0, clean[0] * 1000.0 / Math.max(1, clean[1])));
        line(String.format("  loaded    %7d rows in %d partition loads, %5.1f s of load time = %8.1f rows/s", load[0], load[2],
                load[1] / 1000.0, load[0] * 1000.0 / Math.max(1, load[1])));
        line("");
    }

    private static long pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void fail(int count, String what, List<String> examples) {
        if (count > 0) {
            failures.add(count + " " + what + ": " + examples.stream().limit(5).toList() + (count > 5 ? " ..." : ""));
        }
    }

    private void row(String label, long value) {
        line(String.format("  %-42s %8d", label, value));
    }

    private void line(String s) {
        text.append(s).append('\n');
    }
}
