package org.picu.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/**
 * Freshness of every dataset: for each raw record crawled in a window, the time from its {@code crawled_at} to the
 * moment tier-2 had loaded (and so served) a partition of each dataset that reflects it.
 *
 * <p>A record is in a raw file that was complete in HDFS at the file's modification time. The first successful run of a
 * cleaning job for that day that started after it read the file (a run lists its raw files when it starts); a derived
 * dataset reflects the record from its first run that started after that upstream run had published, and so on down
 * the chain: ticks → market_ticks → candles_1h → indicators → insights, news → news → news_sentiment → insights,
 * Fear &amp; Greed → fear_greed. The record is visible in a dataset at the earliest tier-2 load ({@code load_ledger})
 * of a
 * run of that dataset and day that started after the bound; a later run's load counts too (a partition replaced before
 * it was loaded). Runs come from the orchestrator's ledger in HDFS; every process shares this machine's clock.
 */
final class DatasetFreshness {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<Dataset>> CHAINS = Map.of(
            "upbit", List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.INDICATORS, Dataset.INSIGHTS),
            "coinness", List.of(Dataset.NEWS, Dataset.NEWS_SENTIMENT, Dataset.INSIGHTS),
            "saveticker", List.of(Dataset.NEWS, Dataset.NEWS_SENTIMENT, Dataset.INSIGHTS),
            "perplexity", List.of(Dataset.NEWS, Dataset.NEWS_SENTIMENT, Dataset.INSIGHTS),
            "fear_greed", List.of(Dataset.FEAR_GREED));

    private final FileSystem fs;
    private final HdfsLayout layout = new HdfsLayout("/");
    private final Map<String, List<RunRecord>> runs = new HashMap<>();
    private final Map<String, Instant> loads = new HashMap<>();

    private DatasetFreshness(FileSystem fs) {
        this.fs = fs;
    }

    /**
     * One line per dataset: p50, p95 and max over the records crawled from {@code from} to {@code until}, and how many
     * were never visible.
     */
    static List<String> measure(FileSystem fs, String jdbcUrl, Instant from, Instant until)
            throws IOException, SQLException {
        DatasetFreshness f = new DatasetFreshness(fs);
        f.readLoads(jdbcUrl);
        Map<Dataset, List<Long>> seconds = new EnumMap<>(Dataset.class);
        Map<Dataset, Integer> invisible = new EnumMap<>(Dataset.class);
        for (Map.Entry<String, List<Dataset>> chain : CHAINS.entrySet()) {
            for (FileStatus dayDir : list(fs, new Path(f.layout.rawSourceDir(chain.getKey())))) {
                if (!dayDir.getPath().getName().matches("\\d{8}")) {
                    continue;
                }
                PartitionDate day = PartitionDate.parse(dayDir.getPath().getName());
                for (FileStatus file : list(fs, dayDir.getPath())) {
                    if (!RawFileName.matches(file.getPath().getName())) {
                        continue;
                    }
                    List<Instant> crawled = f.crawledAt(file.getPath(), from, until);
                    if (crawled.isEmpty()) {
                        continue;
                    }
                    Instant bound = Instant.ofEpochMilli(file.getModificationTime());
                    for (Dataset dataset : chain.getValue()) {
                        Optional<RunRecord> first = f.firstRunFrom(dataset, day, bound);
                        Optional<Instant> visible = f.firstLoadFrom(dataset, day, bound);
                        if (visible.isEmpty()) {
                            invisible.merge(dataset, crawled.size(), Integer::sum);
                        } else {
                            List<Long> s = seconds.computeIfAbsent(dataset, d -> new ArrayList<>());
                            crawled.forEach(c -> s.add(Duration.between(c, visible.get()).toMillis()));
                        }
                        if (first.isEmpty()) {
                            break; // nothing downstream can reflect it either
                        }
                        bound = first.get().endedAt();
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        for (Dataset d : Dataset.values()) {
            List<Long> ms = seconds.getOrDefault(d, List.of());
            int missing = invisible.getOrDefault(d, 0);
            if (ms.isEmpty()) {
                lines.add(String.format("  %-15s no record visible (%d records)", d.dirName(), missing));
                continue;
            }
            List<Long> sorted = ms.stream().sorted().toList();
            lines.add(String.format(
                    "  %-15s p50 %5.0f s, p95 %5.0f s, max %5.0f s over %d records%s",
                    d.dirName(),
                    percentile(sorted, 0.50) / 1000.0,
                    percentile(sorted, 0.95) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0,
                    sorted.size(),
                    missing == 0 ? "" : ", " + missing + " never visible"));
        }
        return lines;
    }

    private static double percentile(List<Long> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private List<Instant> crawledAt(Path file, Instant from, Instant until) throws IOException {
        List<Instant> crawled = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                try {
                    Instant at = Instant.parse(JSON.readTree(line).path("crawled_at").asText());
                    if (!at.isBefore(from) && !at.isAfter(until)) {
                        crawled.add(at);
                    }
                } catch (IOException | RuntimeException e) {
                    // a malformed line the site served on purpose: rejected by the jobs, not served
                }
            }
        }
        return crawled;
    }

    private List<RunRecord> runs(Dataset dataset, PartitionDate day) throws IOException {
        String key = dataset.dirName() + "/" + day;
        List<RunRecord> found = runs.get(key);
        if (found == null) {
            found = new RunLedger(fs, layout).runs(dataset, day).stream().filter(r -> r.state() == RunState.SUCCEEDED)
                    .sorted(Comparator.comparing(RunRecord::startedAt)).toList();
            runs.put(key, found);
        }
        return found;
    }

    private Optional<RunRecord> firstRunFrom(Dataset dataset, PartitionDate day, Instant bound) throws IOException {
        return runs(dataset, day).stream().filter(r -> !r.startedAt().isBefore(bound)).findFirst();
    }

    private Optional<Instant> firstLoadFrom(Dataset dataset, PartitionDate day, Instant bound) throws IOException {
        return runs(dataset, day).stream().filter(r -> !r.startedAt().isBefore(bound) && r.partitionRunId() != null)
                .map(r -> loads.get(dataset.dirName() + "/" + day + "/" + r.partitionRunId()))
                .filter(java.util.Objects::nonNull).min(Comparator.naturalOrder());
    }

    private void readLoads(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT dataset, partition_date, run_id, loaded_at FROM load_ledger")) {
            while (rs.next()) {
                PartitionDate day = new PartitionDate(java.time.LocalDate.parse(rs.getString(2)));
                // loaded_at is UTC in a DATETIME: read it as text, not through the JVM's time zone
                Instant at = Instant.parse(rs.getString(4).replace(' ', 'T') + "Z");
                loads.put(rs.getString(1) + "/" + day + "/" + rs.getString(3), at);
            }
        }
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (java.io.FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
