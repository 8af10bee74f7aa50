package org.picu.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.picu.jobs.clean.RawDirectory;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.RawListing;

/**
 * The end-of-run checks: every served record exactly once in MariaDB and in the published Parquet, every malformed
 * one in a reject output with its reason, nothing temporary in published HDFS paths, no partition half in MariaDB,
 * and the derived datasets published, loaded and consistent with what they were derived from.
 */
final class ProofChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Configuration conf;
    private final String jdbcUrl;

    ProofChecks(FileSystem fs, Configuration conf, String jdbcUrl) {
        this.fs = fs;
        this.conf = conf;
        this.jdbcUrl = jdbcUrl;
    }

    /** Natural keys of the dataset's table and how often each is there. */
    Map<String, Integer> databaseKeys(CheckedDataset d) throws SQLException {
        Map<String, Integer> keys = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(d.keySql)) {
            while (r.next()) {
                keys.merge(d.key(r), 1, Integer::sum);
            }
        }
        return keys;
    }

    /** The published manifest of each day of a dataset. */
    Map<LocalDate, PartitionManifest> manifests(String dataset) throws IOException {
        Map<LocalDate, PartitionManifest> manifests = new TreeMap<>();
        FileStatus[] found = fs.globStatus(new Path("/cleaned/" + dataset + "/*/_manifest.json"));
        for (FileStatus m : found == null ? new FileStatus[0] : found) {
            manifests.put(LocalDate.parse(m.getPath().getParent().getName(), DateTimeFormatter.BASIC_ISO_DATE),
                    PartitionManifest.fromJson(read(m.getPath())));
        }
        return manifests;
    }

    /** Natural keys and how often each is in the published Parquet files of the dataset, over every day. */
    Map<String, Integer> parquetKeys(CheckedDataset d, Map<LocalDate, PartitionManifest> manifests) throws IOException {
        Map<String, Integer> keys = new HashMap<>();
        for (Map.Entry<LocalDate, PartitionManifest> e : manifests.entrySet()) {
            Path dir = dayDir(d.dataset, e.getKey());
            for (String file : e.getValue().dataFiles()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        HadoopInputFile.fromPath(new Path(dir, file), conf)).build()) {
                    for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                        keys.merge(d.key(row), 1, Integer::sum);
                    }
                }
            }
        }
        return keys;
    }

    /** Rejected records of the published partitions: natural key of the rejected line → reason. */
    Map<String, String> rejects(CheckedDataset d, Map<LocalDate, PartitionManifest> manifests) throws IOException {
        Map<String, String> rejects = new HashMap<>();
        for (LocalDate day : manifests.keySet()) {
            Path dir = new Path(dayDir(d.dataset, day), "_rejects");
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        JsonNode reject = JSON.readTree(line);
                        try {
                            rejects.put(
                                    d.rejectKey(
                                            JSON.readTree(reject.path("line").asText())),
                                    reject.path("reason").asText());
                        } catch (IOException | RuntimeException e) {
                            rejects.put("unreadable reject line: " + line, reject.path("reason").asText());
                        }
                    }
                }
            }
        }
        return rejects;
    }

    /**
     * Temporary or partial files: anything hidden, {@code _temporary}, {@code .tmp} or {@code .uploading} below
     * {@code /cleaned} and {@code /raw}; a partition directory without manifest; a Parquet file its manifest does not
     * list, or a listed one that is missing.
     */
    List<String> hdfsLeftovers() throws IOException {
        List<String> leftovers = new ArrayList<>();
        for (String top : List.of("/cleaned", "/raw")) {
            if (!fs.exists(new Path(top))) {
                continue;
            }
            RemoteIterator<LocatedFileStatus> files = fs.listFiles(new Path(top), true);
            while (files.hasNext()) {
                String path = files.next().getPath().toUri().getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (path.contains("/_temporary") || name.endsWith(".tmp") || name.endsWith(".uploading")
                        || (name.startsWith(".") && !name.endsWith(".crc"))) {
                    leftovers.add(path);
                }
            }
        }
        FileStatus[] days = fs.globStatus(new Path("/cleaned/*/*"));
        for (FileStatus day : days == null ? new FileStatus[0] : days) {
            if (day.isDirectory() && !fs.exists(new Path(day.getPath(), "_manifest.json"))) {
                leftovers.add(day.getPath().toUri().getPath() + " (no _manifest.json)");
            }
        }
        for (String dataset : publishedDatasets()) {
            for (Map.Entry<LocalDate, PartitionManifest> e : manifests(dataset).entrySet()) {
                Path dir = dayDir(dataset, e.getKey());
                Set<String> listed = new HashSet<>(e.getValue().dataFiles());
                for (FileStatus f : fs.listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
                    if (!listed.remove(f.getPath().getName())) {
                        leftovers.add(f.getPath().toUri().getPath() + " (not in the manifest)");
                    }
                }
                listed.forEach(missing ->
                        leftovers.add(dir.toUri().getPath() + "/" + missing + " (in the manifest, missing)"));
            }
        }
        return leftovers;
    }

    /** Every dataset with a folder below {@code /cleaned}. */
    List<String> publishedDatasets() throws IOException {
        List<String> names = new ArrayList<>();
        if (fs.exists(new Path("/cleaned"))) {
            for (FileStatus d : fs.listStatus(new Path("/cleaned"))) {
                if (d.isDirectory()) {
                    names.add(d.getPath().getName());
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Half-loaded partitions of one dataset: per day, the newest ledger entry must be the published run, its row
     * count the manifest's, and the table must hold no row of the day from another run and exactly the manifest's
     * row count (fewer only when a later day's partition exists: a row of a natural key that a later partition
     * also has is moved to that day by the loader's upsert, e.g. an insight window spanning midnight).
     */
    List<String> partialPartitions(String dataset, String table, Map<LocalDate, PartitionManifest> manifests)
            throws SQLException {
        List<String> problems = new ArrayList<>();
        LocalDate last = manifests.keySet().stream().max(LocalDate::compareTo).orElse(null);
        try (Connection c = connect()) {
            for (Map.Entry<LocalDate, PartitionManifest> e : manifests.entrySet()) {
                LocalDate day = e.getKey();
                PartitionManifest manifest = e.getValue();
                String ledgerRun = null;
                long ledgerRows = -1;
                try (PreparedStatement q = c.prepareStatement("SELECT run_id, row_count FROM load_ledger"
                        + " WHERE dataset = ? AND partition_date = ? ORDER BY loaded_at DESC LIMIT 1")) {
                    q.setString(1, dataset);
                    q.setObject(2, day);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            ledgerRun = r.getString(1);
                            ledgerRows = r.getLong(2);
                        }
                    }
                }
                String where = dataset + " " + day;
                if (!manifest.runId().equals(ledgerRun)) {
                    problems.add(where + ": published run " + manifest.runId() + " is not the newest loaded one ("
                            + ledgerRun + ")");
                    continue;
                }
                if (ledgerRows != manifest.recordCount()) {
                    problems.add(where + ": ledger says " + ledgerRows + " rows, manifest " + manifest.recordCount());
                }
                try (PreparedStatement q =
                        c.prepareStatement("SELECT COUNT(*), COALESCE(SUM(load_run_id <> ?), 0) FROM " + table
                                + " WHERE partition_date = ?")) {
                    q.setString(1, ledgerRun);
                    q.setObject(2, day);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        long rows = r.getLong(1);
                        boolean countOk =
                                rows == manifest.recordCount() || (!day.equals(last) && rows < manifest.recordCount());
                        if (!countOk || r.getLong(2) != 0) {
                            problems.add(where + ": " + table + " holds " + rows + " rows of the day (" + r.getLong(2)
                                    + " of another run), the manifest " + manifest.recordCount());
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Derived data that does not match what it was derived from: per day, the hourly candles must count every tick
     * of {@code market_trends} of that day once ({@code SUM(tick_count)}), and {@code news_sentiment} must hold one
     * row per news item of the day and none for an item {@code news} lacks.
     */
    List<String> derivedMismatches() throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = connect()) {
            Map<String, Long> ticks = perDay(c, "SELECT DATE(`timestamp`), COUNT(*) FROM market_trends GROUP BY 1");
            Map<String, Long> candled = perDay(c, "SELECT DATE(`timestamp`), SUM(tick_count) FROM candles GROUP BY 1");
            if (!ticks.equals(candled)) {
                problems.add("candles count " + candled + " ticks per day, market_trends holds " + ticks);
            }
            Map<String, Long> news = perDay(c, "SELECT partition_date, COUNT(*) FROM news GROUP BY 1");
            Map<String, Long> scored = perDay(c, "SELECT partition_date, COUNT(*) FROM news_sentiment GROUP BY 1");
            if (!news.equals(scored)) {
                problems.add("news_sentiment holds " + scored + " rows per day, news " + news);
            }
            Map<String, Long> orphans = perDay(c, "SELECT 'orphans', COUNT(*) FROM news_sentiment s"
                    + " LEFT JOIN news n ON n.news_key = s.news_key WHERE n.news_key IS NULL");
            if (orphans.getOrDefault("orphans", 0L) != 0) {
                problems.add(orphans.get("orphans") + " news_sentiment rows of no news item");
            }
        }
        return problems;
    }

    private static Map<String, Long> perDay(Connection c, String sql) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                counts.put(r.getString(1), r.getLong(2));
            }
        }
        return counts;
    }

    /**
     * Loader timings from tier-2's log lines {@code loaded <partition> run <id>: <n> rows in <ms> ms}: rows, ms and
     * loads, every dataset.
     */
    static long[] loadTotals(List<String> tier2Log) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("loaded \\S+ run \\S+: (\\d+) rows in (\\d+) ms");
        long rows = 0;
        long ms = 0;
        long loads = 0;
        for (String line : tier2Log) {
            java.util.regex.Matcher m = p.matcher(line);
            if (m.find()) {
                rows += Long.parseLong(m.group(1));
                ms += Long.parseLong(m.group(2));
                loads++;
            }
        }
        return new long[] {rows, ms, loads};
    }

    /**
     * The orchestrator's run ledger per dataset: succeeded runs, their job time in ms, their input records (written +
     * rejected + duplicates), and failed runs.
     */
    Map<String, long[]> ledgerTotals() throws IOException {
        Map<String, long[]> totals = new TreeMap<>();
        FileStatus[] found = fs.globStatus(new Path("/ledger/*/*/*.json"));
        for (FileStatus f : found == null ? new FileStatus[0] : found) {
            JsonNode run = JSON.readTree(read(f.getPath()));
            long[] t = totals.computeIfAbsent(run.path("dataset").asText(), d -> new long[4]);
            if (run.path("state").asText().equals("SUCCEEDED")) {
                JsonNode counters = run.path("counters");
                t[0]++;
                t[1] += run.path("duration_ms").asLong();
                t[2] += counters.path("records").asLong()
                        + counters.path("rejected").asLong()
                        + counters.path("duplicates").asLong();
            } else {
                t[3]++;
            }
        }
        return totals;
    }

    /**
     * Records (lines) in the raw files a job reads of every source (a compacted hour once, see {@code RawListing}) and
     * the time span of their upload: records, first, last, files.
     */
    long[] rawTotals() throws IOException {
        long lines = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        long files = 0;
        FileStatus[] dirs = fs.globStatus(new Path("/raw/*/*"));
        for (FileStatus dir : dirs == null ? new FileStatus[0] : dirs) {
            for (FileStatus f : RawDirectory.read(fs, dir.getPath()).readable()) {
                try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                    while (in.readLine() != null) {
                        lines++;
                    }
                }
                first = Math.min(first, f.getModificationTime());
                last = Math.max(last, f.getModificationTime());
                files++;
            }
        }
        return new long[] {lines, first, last, files};
    }

    /**
     * Raw files (of the dataset's sources) with records no published manifest of their day read: not yet cleaned.
     * Hidden upload files, compaction's index and small files a compacted file holds are not raw files to read.
     */
    List<String> unpublishedRawFiles(CheckedDataset d) throws IOException {
        List<String> unpublished = new ArrayList<>();
        Map<LocalDate, PartitionManifest> manifests = manifests(d.dataset);
        for (String source : d.sources) {
            FileStatus[] days = fs.globStatus(new Path("/raw/" + source + "/*"));
            for (FileStatus day : days == null ? new FileStatus[0] : days) {
                PartitionManifest manifest =
                        manifests.get(LocalDate.parse(day.getPath().getName(), DateTimeFormatter.BASIC_ISO_DATE));
                Set<String> read = new HashSet<>();
                if (manifest != null) {
                    manifest.inputFiles().forEach(f -> read.add(f.substring(f.lastIndexOf('/') + 1)));
                }
                RawDirectory raw = RawDirectory.read(fs, day.getPath());
                for (FileStatus f : raw.readable()) {
                    if (!RawListing.alreadyRead(f.getPath().getName(), read, raw.index())) {
                        unpublished.add(f.getPath().toUri().getPath());
                    }
                }
            }
        }
        return unpublished;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, org.picu.tier2.db.EmbeddedMariaDb.USER, "");
    }

    private static Path dayDir(String dataset, LocalDate day) {
        return new Path("/cleaned/" + dataset + "/" + day.format(DateTimeFormatter.BASIC_ISO_DATE));
    }

    private String read(Path path) throws IOException {
        try (var in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
