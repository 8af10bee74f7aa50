package org.picu.demo.proof;

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
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.picu.model.layout.PartitionManifest;

/**
 * The end-of-run checks: every served record exactly once in MariaDB and in the published Parquet, every malformed
 * one in a reject output with its reason, nothing temporary in published HDFS paths, no partition half in MariaDB.
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

    /** Natural keys and how often each is in {@code market_trends}. */
    Map<String, Integer> databaseKeys() throws SQLException {
        Map<String, Integer> keys = new HashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT symbol, `timestamp`, COUNT(*) FROM market_trends WHERE source = 'upbit'"
                     + " GROUP BY source, symbol, `timestamp`")) {
            while (r.next()) {
                long ms = r.getObject(2, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
                keys.merge(FreshnessProbe.key(r.getString(1), ms), r.getInt(3), Integer::sum);
            }
        }
        return keys;
    }

    /** The latest published manifest of each market_ticks day. */
    Map<LocalDate, PartitionManifest> manifests() throws IOException {
        Map<LocalDate, PartitionManifest> manifests = new HashMap<>();
        FileStatus[] found = fs.globStatus(new Path("/cleaned/market_ticks/*/_manifest.json"));
        for (FileStatus m : found == null ? new FileStatus[0] : found) {
            PartitionManifest manifest = PartitionManifest.fromJson(read(m.getPath()));
            manifests.put(LocalDate.parse(m.getPath().getParent().getName(), java.time.format.DateTimeFormatter.BASIC_ISO_DATE),
                    manifest);
        }
        return manifests;
    }

    /** Natural keys and how often each is in the published Parquet files, over every day. */
    Map<String, Integer> parquetKeys(Map<LocalDate, PartitionManifest> manifests) throws IOException {
        Map<String, Integer> keys = new HashMap<>();
        for (Map.Entry<LocalDate, PartitionManifest> e : manifests.entrySet()) {
            Path dir = dayDir("cleaned/market_ticks", e.getKey());
            for (String file : e.getValue().dataFiles()) {
                try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                        HadoopInputFile.fromPath(new Path(dir, file), conf)).build()) {
                    for (GenericRecord row = reader.read(); row != null; row = reader.read()) {
                        keys.merge(FreshnessProbe.key(row.get("symbol").toString(), (Long) row.get("timestamp")), 1, Integer::sum);
                    }
                }
            }
        }
        return keys;
    }

    /** Rejected records of the published partitions: natural key of the rejected payload → reason. */
    Map<String, String> rejects(Map<LocalDate, PartitionManifest> manifests) throws IOException {
        Map<String, String> rejects = new HashMap<>();
        for (LocalDate day : manifests.keySet()) {
            Path dir = new Path(dayDir("cleaned/market_ticks", day), "_rejects");
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir)) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        JsonNode reject = JSON.readTree(line);
                        JsonNode payload = JSON.readTree(reject.path("line").asText()).path("payload");
                        long ts = Instant.parse(payload.path("timestamp").asText()).toEpochMilli();
                        rejects.put(FreshnessProbe.key(payload.path("symbol").asText(), ts), reject.path("reason").asText());
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
    List<String> hdfsLeftovers(Map<LocalDate, PartitionManifest> manifests) throws IOException {
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
        for (Map.Entry<LocalDate, PartitionManifest> e : manifests.entrySet()) {
            Path dir = dayDir("cleaned/market_ticks", e.getKey());
            Set<String> listed = new HashSet<>(e.getValue().dataFiles());
            for (FileStatus f : fs.listStatus(dir, p -> p.getName().endsWith(".parquet"))) {
                if (!listed.remove(f.getPath().getName())) {
                    leftovers.add(f.getPath().toUri().getPath() + " (not in the manifest)");
                }
            }
            listed.forEach(missing -> leftovers.add(dir.toUri().getPath() + "/" + missing + " (in the manifest, missing)"));
        }
        return leftovers;
    }

    /**
     * Half-loaded partitions: per day, the newest ledger entry must be the published run, its row count the
     * manifest's, and the table must hold exactly that many rows of the day, all of that run.
     */
    List<String> partialPartitions(Map<LocalDate, PartitionManifest> manifests) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = connect()) {
            for (Map.Entry<LocalDate, PartitionManifest> e : manifests.entrySet()) {
                LocalDate day = e.getKey();
                PartitionManifest manifest = e.getValue();
                String ledgerRun = null;
                long ledgerRows = -1;
                try (PreparedStatement q = c.prepareStatement("SELECT run_id, row_count FROM load_ledger"
                        + " WHERE dataset = 'market_ticks' AND partition_date = ? ORDER BY loaded_at DESC LIMIT 1")) {
                    q.setObject(1, day);
                    try (ResultSet r = q.executeQuery()) {
                        if (r.next()) {
                            ledgerRun = r.getString(1);
                            ledgerRows = r.getLong(2);
                        }
                    }
                }
                if (!manifest.runId().equals(ledgerRun)) {
                    problems.add(day + ": published run " + manifest.runId() + " is not the newest loaded one (" + ledgerRun + ")");
                    continue;
                }
                if (ledgerRows != manifest.recordCount()) {
                    problems.add(day + ": ledger says " + ledgerRows + " rows, manifest " + manifest.recordCount());
                }
                try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*), SUM(load_run_id <> ?) FROM market_trends"
                        + " WHERE partition_date = ?")) {
                    q.setString(1, ledgerRun);
                    q.setObject(2, day);
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        if (r.getLong(1) != manifest.recordCount() || r.getLong(2) != 0) {
                            problems.add(day + ": market_trends holds " + r.getLong(1) + " rows of the day (" + r.getLong(2)
                                    + " of another run), the manifest " + manifest.recordCount());
                        }
                    }
                }
            }
        }
        return problems;
    }

    /** Loader timings from tier-2's log lines {@code loaded <partition> run <id>: <n> rows in <ms> ms}. */
    static long[] loadTotals(List<String> tier2Log) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile("loaded \\S+ run \\S+: (\\d+) rows in (\\d+) ms");
        long rows = 0;
        long ms = 0;
        long loads = 0;
        for (String line : tier2Log) {
            java.util.regex.Matcher m = p.matcher(line);
            if (m.find() && line.contains("market_ticks")) {
                rows += Long.parseLong(m.group(1));
                ms += Long.parseLong(m.group(2));
                loads++;
            }
        }
        return new long[] {rows, ms, loads};
    }

    /** Cleaning totals from the orchestrator's run ledger: input records (written + rejected + duplicates), job ms, runs. */
    long[] cleanTotals() throws IOException {
        long records = 0;
        long ms = 0;
        long runs = 0;
        FileStatus[] found = fs.globStatus(new Path("/ledger/market_ticks/*/*.json"));
        for (FileStatus f : found == null ? new FileStatus[0] : found) {
            JsonNode run = JSON.readTree(read(f.getPath()));
            if (run.path("state").asText().equals("SUCCEEDED")) {
                JsonNode counters = run.path("counters");
                records += counters.path("records").asLong() + counters.path("rejected").asLong()
                        + counters.path("duplicates").asLong();
                ms += run.path("duration_ms").asLong();
                runs++;
            }
        }
        return new long[] {records, ms, runs};
    }

    /** Records (lines) in the raw files and the time span of their upload: records, first and last modification. */
    long[] rawTotals() throws IOException {
        long lines = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        FileStatus[] found = fs.globStatus(new Path("/raw/upbit/*/upbit.*.jsonl"));
        for (FileStatus f : found == null ? new FileStatus[0] : found) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(f.getPath()), StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    lines++;
                }
            }
            first = Math.min(first, f.getModificationTime());
            last = Math.max(last, f.getModificationTime());
        }
        return new long[] {lines, first, last, found == null ? 0 : found.length};
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, org.picu.tier2.db.EmbeddedMariaDb.USER, "");
    }

    private static Path dayDir(String dataset, LocalDate day) {
        return new Path("/" + dataset + "/" + day.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
    }

    private String read(Path path) throws IOException {
        try (var in = fs.open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
