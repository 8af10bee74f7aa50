package org.picu.proof;

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

    /**
     * The run's phases and how long each took, for the report; the checks' own time is added when they are done.
     *
     * @param took phase → time, in the order they ran (a mutable map)
     * @param checksStarted when the checks began
     */
    record Phases(Map<String, Duration> took, Instant checksStarted) {
    }

    static ProofReport build(FaultSchedule schedule, Instant runStart, Instant crawlEnd, Phases phases,
                             List<String> drainNotes, ServedLog served, ProofChecks checks, FaultLog faults,
                             Map<String, Long> firstSeen, List<String> tier2Log, Map<String, Long> peakRssKb)
            throws IOException, SQLException {
        ProofReport r = new ProofReport();
        Set<ServedLog.Served> cut = new HashSet<>();
        for (String worker : List.of(ProofPipeline.FULL_WORKER, ProofPipeline.CAPPED_WORKER)) {
            cut.addAll(served.cutByKills(worker, faults.kills("worker-" + worker)));
        }
        List<String> leftovers = checks.hdfsLeftovers();
        List<String> partial = new ArrayList<>();
        List<String> sections = new ArrayList<>();
        for (CheckedDataset d : CheckedDataset.values()) {
            sections.add(r.checkDataset(d, served.of(d.sources), cut, checks));
            partial.addAll(checks.partialPartitions(d.dataset, d.table, checks.manifests(d.dataset)));
        }
        List<String> derived = new ArrayList<>();
        for (List<String> dt : CheckedDataset.DERIVED) {
            Map<LocalDate, PartitionManifest> manifests = checks.manifests(dt.get(0));
            Set<LocalDate> crawled = checks.manifests(CheckedDataset.MARKET_TICKS.dataset).keySet();
            boolean required = dt.get(0).equals("candles_1h") || dt.get(0).equals("news_sentiment");
            if (required && !manifests.keySet().containsAll(crawled)) {
                derived.add(dt.get(0) + " is not published for every crawled day: " + manifests.keySet() + " of "
                        + crawled);
            }
            partial.addAll(checks.partialPartitions(dt.get(0), dt.get(1), manifests));
            sections.add(String.format(
                    "  %-16s published for %s, %d rows in the manifests, in table %s",
                    dt.get(0),
                    manifests.keySet(),
                    manifests.values().stream()
                            .mapToLong(PartitionManifest::recordCount)
                            .sum(),
                    dt.get(1)));
        }
        derived.addAll(checks.derivedMismatches());
        List<FaultLog.Outcome> outcomes = faults.outcomes();
        List<FaultLog.Outcome> notInjected = outcomes.stream().filter(o -> !o.injected()).toList();
        long missingOutcomes = schedule.faults().size() - outcomes.size();

        r.counts.put("partial", (long) (leftovers.size() + partial.size()));
        r.counts.put("derived_mismatches", (long) derived.size());
        r.counts.put("faults_scheduled", (long) schedule.faults().size());
        r.counts.put("faults_not_injected", notInjected.size() + missingOutcomes);
        r.counts.put("faults_in_flight", outcomes.stream().filter(FaultLog.Outcome::inFlight).count());
        r.fail(leftovers.size(), "temporary or partial files in HDFS", leftovers);
        r.fail(partial.size(), "partitions not (or half) loaded in MariaDB", partial);
        r.fail(derived.size(), "derived datasets missing or not matching their input", derived);
        r.fail((int) (notInjected.size() + missingOutcomes), "faults not injected",
                notInjected.stream().map(o -> o.fault() + ": " + o.detail()).toList());

        phases.took().put("checks", Duration.between(phases.checksStarted(), Instant.now()));
        long runMs = Duration.between(runStart, crawlEnd).toMillis();
        r.line("PICU system proof — seed " + schedule.seed() + ", duration "
                + schedule.duration().toSeconds() + " s (crawl ran " + runMs / 1000 + " s); load average at the end: "
                + loadAverage());
        r.line("");
        r.line("RESULT: " + (r.passed() ? "PASSED" : "FAILED"));
        r.failures.forEach(f -> r.line("  FAIL " + f));
        r.line("");
        r.line("Phases");
        phases.took()
                .forEach((phase, took) -> r.line(String.format("  %-48s %6.1f s", phase, took.toMillis() / 1000.0)));
        drainNotes.forEach(n -> r.line("  drain: " + n));
        r.line("");
        r.line("Records per dataset (natural keys: see docs/reliability.md)");
        sections.forEach(r::line);
        r.row("temporary/partial HDFS files", leftovers.size());
        r.row("half-loaded partitions (every dataset)", partial.size());
        r.row("derived data not matching its input", derived.size());
        r.line("");
        r.line("Faults (" + outcomes.stream().filter(FaultLog.Outcome::injected).count() + " of "
                + schedule.faults().size() + " injected)");
        for (FaultLog.Outcome o : outcomes) {
            r.line(String.format(
                    "  %-52s %s%s at %s%n      %s",
                    o.fault(),
                    o.injected() ? "injected" : "NOT INJECTED",
                    o.injected() ? (o.inFlight() ? ", work in flight" : ", nothing in flight seen") : "",
                    o.at(),
                    o.detail()));
        }
        r.line("Fault log");
        faults.events().forEach(e -> r.line("  " + e));
        r.line("");
        r.freshness(served.of(CheckedDataset.MARKET_TICKS.sources), firstSeen);
        r.throughput(served.served().size(), runMs, checks, tier2Log);
        r.line("Peak RSS (VmHWM; a killed process: its last sample)");
        peakRssKb.forEach((name, kb) -> r.line(String.format("  %-18s %6d MB", name, kb / 1024)));
        return r;
    }

    /**
     * Lost, duplicated, unexpected and rejected records of one dataset; adds to the totals and returns the
     * dataset's section of the report. A key served several times is lost only if one of its servings was not cut by
     * a kill; a malformed key must be in a reject output unless every serving of it was cut.
     */
    private String checkDataset(CheckedDataset d, List<ServedLog.Served> servings, Set<ServedLog.Served> cut,
                                ProofChecks checks) throws IOException, SQLException {
        Map<String, Boolean> okKeys = new HashMap<>();   // key -> every serving was cut
        Map<String, Boolean> badKeys = new HashMap<>();
        for (ServedLog.Served s : servings) {
            (s.ok() ? okKeys : badKeys).merge(s.key(), cut.contains(s), Boolean::logicalAnd);
        }
        Map<String, Integer> db = checks.databaseKeys(d);
        Map<LocalDate, PartitionManifest> manifests = checks.manifests(d.dataset);
        Map<String, Integer> parquet = checks.parquetKeys(d, manifests);
        Map<String, String> rejects = checks.rejects(d, manifests);

        List<String> lost = new ArrayList<>();
        long cutMissing = 0;
        for (Map.Entry<String, Boolean> k : okKeys.entrySet()) {
            if (!db.containsKey(k.getKey())) {
                if (k.getValue()) {
                    cutMissing++;
                } else {
                    lost.add(k.getKey());
                }
            }
        }
        List<String> dupDb = db.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        List<String> dupParquet = parquet.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey)
                .toList();
        List<String> unexpected = db.keySet().stream().filter(k -> !okKeys.containsKey(k)).toList();
        List<String> notInParquet = db.keySet().stream().filter(k -> !parquet.containsKey(k)).toList();
        List<String> rejectsMissing = new ArrayList<>();
        long badCut = 0;
        for (Map.Entry<String, Boolean> k : badKeys.entrySet()) {
            String reason = rejects.get(k.getKey());
            if (reason == null && k.getValue()) {
                badCut++;
            } else if (reason == null || reason.isBlank()) {
                rejectsMissing.add(k.getKey());
            }
        }
        Map<String, Long> reasons = new java.util.TreeMap<>();
        badKeys.keySet().stream()
                .map(rejects::get)
                .filter(java.util.Objects::nonNull)
                .forEach(x -> reasons.merge(x, 1L, Long::sum));
        List<String> badLoaded = badKeys.keySet().stream().filter(db::containsKey).toList();
        List<String> unexplainedRejects = rejects.keySet().stream().filter(k -> !badKeys.containsKey(k)).toList();

        add("served", okKeys.size());
        add("served_malformed", badKeys.size());
        add("lost", lost.size());
        add("cut_by_kill_missing", cutMissing + badCut);
        add("duplicated", dupDb.size() + dupParquet.size());
        add("unexpected", unexpected.size() + notInParquet.size() + badLoaded.size() + unexplainedRejects.size());
        add("rejects_missing", rejectsMissing.size());
        counts.put("served." + d.dataset, (long) okKeys.size());
        counts.put("lost." + d.dataset, (long) lost.size());
        counts.put("duplicated." + d.dataset, (long) (dupDb.size() + dupParquet.size()));
        String in = d.dataset + ": ";
        fail(lost.size(), in + "lost", lost);
        fail(dupDb.size(), in + "duplicated in MariaDB", dupDb);
        fail(dupParquet.size(), in + "duplicated in the published Parquet", dupParquet);
        fail(unexpected.size(), in + "rows in MariaDB that were never served", unexpected);
        fail(notInParquet.size(), in + "rows in MariaDB that are not in the published Parquet", notInParquet);
        fail(badLoaded.size(), in + "malformed records loaded into MariaDB", badLoaded);
        fail(rejectsMissing.size(), in + "malformed records not in a reject output with a reason", rejectsMissing);
        fail(unexplainedRejects.size(), in + "well-formed records rejected", unexplainedRejects);

        StringBuilder section = new StringBuilder(String.format("  %s (sources %s, table %s)%n", d.dataset,
                String.join(", ", d.sources), d.table));
        section.append(row2(
                "served: records / distinct natural keys",
                servings.stream().filter(ServedLog.Served::ok).count(),
                okKeys.size()));
        section.append(row2("in MariaDB / in the published Parquet", db.size(), parquet.size()));
        section.append(row2("lost / duplicated (MariaDB + Parquet)", lost.size(), dupDb.size() + dupParquet.size()));
        section.append(row2("never served / not in Parquet or malformed loaded", unexpected.size(),
                notInParquet.size() + badLoaded.size()));
        section.append(row2("cut by a SIGKILL before the spool sync", cutMissing, badCut));
        section.append(row2("malformed served / in _rejects with a reason", badKeys.size(),
                badKeys.size() - rejectsMissing.size() - badCut));
        section.append("      reasons: ").append(reasons).append(unexplainedRejects.isEmpty() ? ""
                : ", rejected but served well-formed: " + unexplainedRejects.size());
        return section.toString();
    }

    private void add(String count, long n) {
        counts.merge(count, n, Long::sum);
    }

    private static String row2(String label, long a, long b) {
        return String.format("    %-52s %7d / %d%n", label, a, b);
    }

    private void freshness(List<ServedLog.Served> ticks, Map<String, Long> firstSeen) {
        Map<String, Long> servedAt = new HashMap<>();
        ticks.stream().filter(ServedLog.Served::ok).forEach(t -> servedAt.merge(t.key(), t.servedAt(), Math::min));
        List<Long> ages = new ArrayList<>();
        for (Map.Entry<String, Long> e : firstSeen.entrySet()) {
            Long at = servedAt.get(e.getKey());
            if (at != null) {
                ages.add(e.getValue() - at);
            }
        }
        ages.sort(null);
        line("Freshness of market ticks: served (= crawled) → first visible through GET /api/market/trends (polled"
                + " every ~1.5 s)");
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
        long[] load = ProofChecks.loadTotals(tier2Log);
        line("Throughput per stage (every source)");
        line(String.format(
                "  served    %7d records in %5.0f s of crawl          = %8.1f records/s",
                served, runMs / 1000.0, served * 1000.0 / Math.max(1, runMs)));
        line(String.format("  uploaded  %7d records in %d raw files over %5.0f s = %8.1f records/s", raw[0], raw[3],
                (raw[2] - raw[1]) / 1000.0, raw[0] * 1000.0 / Math.max(1, raw[2] - raw[1])));
        for (Map.Entry<String, long[]> e : checks.ledgerTotals().entrySet()) {
            long[] t = e.getValue();
            line(String.format(
                    "  job %-16s %7d input records in %2d runs (%d failed), %6.1f s of job time = %8.1f records/s",
                    e.getKey(), t[2], t[0], t[3], t[1] / 1000.0, t[2] * 1000.0 / Math.max(1, t[1])));
        }
        line(String.format(
                "  loaded    %7d rows in %d partition loads, %5.1f s of load time = %8.1f rows/s",
                load[0], load[2], load[1] / 1000.0, load[0] * 1000.0 / Math.max(1, load[1])));
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
