package org.picu.master.ledger;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run ledger in HDFS: {@code ledger/<dataset>/<YYYYMMDD>/<run-id>.json}. Each record is written under
 * a hidden temporary name and renamed, so a reader never sees half a record; run ids sort by start time.
 */
public final class RunLedger {
    private static final Logger LOG = LoggerFactory.getLogger(RunLedger.class);
    private static final String SUFFIX = ".json";
    /** A record named by its run id as {@code RunIds} makes them: the second it was made, then a random part. */
    private static final java.util.regex.Pattern RUN_ID_FILE =
            java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]+\\.json");

    private final FileSystem fs;
    private final HdfsLayout layout;

    public RunLedger(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    public void record(RunRecord run) throws IOException {
        Path dir = new Path(layout.ledgerDir() + "/" + run.dataset() + "/" + run.date());
        fs.mkdirs(dir);
        Path tmp = new Path(dir, "." + run.runId() + SUFFIX + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(run.toJson().getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, new Path(dir, run.runId() + SUFFIX))) {
            throw new IOException("could not rename ledger record " + tmp + " into place");
        }
    }

    /** Runs of one partition, oldest first. */
    public List<RunRecord> runs(Dataset dataset, PartitionDate date) throws IOException {
        return read(new Path(layout.ledgerDir() + "/" + dataset.dirName() + "/" + date));
    }

    /**
     * The latest run of one partition. Run ids begin with the second they were made ({@code 20261121T120000Z-...}), so
     * only the records of the newest second are read (the latest by start time among them), not every record of the
     * day: with cycles every minute a partition of today collects hundreds of records.
     */
    public Optional<RunRecord> latest(Dataset dataset, PartitionDate date) throws IOException {
        Path dir = new Path(layout.ledgerDir() + "/" + dataset.dirName() + "/" + date);
        FileStatus[] files;
        try {
            files = fs.listStatus(dir, p -> p.getName().endsWith(SUFFIX) && !p.getName().startsWith("."));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        if (!java.util.Arrays.stream(files).allMatch(f -> RUN_ID_FILE.matcher(f.getPath().getName()).matches())) {
            List<RunRecord> all = read(dir); // names not made by RunIds: read them all
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }
        java.util.Arrays.sort(files, Comparator.comparing((FileStatus f) -> f.getPath().getName()).reversed());
        List<RunRecord> newest = new ArrayList<>();
        String second = null;
        for (FileStatus f : files) {
            String prefix = f.getPath().getName().split("-", 2)[0];
            if (second != null && !prefix.equals(second) && !newest.isEmpty()) {
                break;
            }
            second = prefix;
            try (InputStream in = fs.open(f.getPath())) {
                newest.add(RunRecord.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable ledger record {}: {}", f.getPath(), e.getMessage());
            }
        }
        return newest.stream().max(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId));
    }

    /**
     * Deletes the run records of partition days before {@code oldestKept}, for every dataset.
     *
     * @return how many days' directories were deleted
     */
    public int deleteBefore(PartitionDate oldestKept) throws IOException {
        int deleted = 0;
        FileStatus[] datasets;
        try {
            datasets = fs.listStatus(new Path(layout.ledgerDir()));
        } catch (FileNotFoundException e) {
            return 0;
        }
        for (FileStatus dataset : datasets) {
            if (!dataset.isDirectory()) {
                continue; // _health.json
            }
            for (FileStatus day : fs.listStatus(dataset.getPath())) {
                String name = day.getPath().getName();
                if (day.isDirectory() && name.matches("\\d{8}") && name.compareTo(oldestKept.toString()) < 0
                        && fs.delete(day.getPath(), true)) {
                    deleted++;
                }
            }
        }
        return deleted;
    }

    /** Runs of the newest {@code days} partition dates that have any, oldest first. */
    public List<RunRecord> recentRuns(Dataset dataset, int days) throws IOException {
        Path dir = new Path(layout.ledgerDir() + "/" + dataset.dirName());
        List<String> dates = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(dir)) {
                if (s.isDirectory()) {
                    dates.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        dates.sort(null);
        List<RunRecord> runs = new ArrayList<>();
        for (String date : dates.subList(Math.max(0, dates.size() - days), dates.size())) {
            runs.addAll(read(new Path(dir, date)));
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt));
        return runs;
    }

    private List<RunRecord> read(Path dir) throws IOException {
        FileStatus[] files;
        try {
            files = fs.listStatus(dir, p -> p.getName().endsWith(SUFFIX) && !p.getName().startsWith("."));
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<RunRecord> runs = new ArrayList<>();
        for (FileStatus f : files) {
            try (InputStream in = fs.open(f.getPath())) {
                runs.add(RunRecord.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                // A damaged record must not stop the orchestrator; it is reported and ignored.
                LOG.warn("Ignoring unreadable ledger record {}: {}", f.getPath(), e.getMessage());
            }
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId));
        return runs;
    }
}
