package org.picu.master.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileChecksum;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.jobs.DatasetJob;
import org.picu.master.ledger.RunLedger;
import org.picu.master.ledger.RunRecord;
import org.picu.master.ledger.RunState;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * What a derived run read, by content: for every published upstream partition in the job's window, a SHA-256 over
 * its data files (their names and HDFS checksums, or their bytes where the file system keeps no checksums). The
 * orchestrator records them in the run's ledger record ({@code inputs}); a derived partition whose upstream
 * partitions were republished since, but with the same content, is up to date. That is the common case: a late tick
 * file for today republishes today's ticks, which candles of yesterday read too (ticks crawled after midnight), but
 * yesterday's candles come out the same, so yesterday's indicators and insights need no run.
 *
 * <p>A partition's fingerprint is cached by its manifest's run id: a new run id is a new partition.
 */
public final class InputFingerprints {
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final PartitionInspector inspector;
    private final RunLedger ledger;
    private final Map<String, String> byRunId = new ConcurrentHashMap<>();

    public InputFingerprints(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
        this.inspector = new PartitionInspector(fs, layout);
        this.ledger = new RunLedger(fs, layout);
    }

    /** {@code dataset/day} → fingerprint of every published upstream partition in the job's window, sorted. */
    public Map<String, String> window(DatasetJob job, PartitionDate date) throws IOException {
        Map<String, String> inputs = new TreeMap<>();
        for (Dataset up : job.upstream()) {
            for (int offset = -job.daysBefore(); offset <= job.daysAfter(); offset++) {
                PartitionDate day = new PartitionDate(date.day().plusDays(offset));
                Optional<PartitionManifest> m = inspector.manifest(up, day);
                if (m.isPresent()) {
                    inputs.put(up.dirName() + "/" + day, fingerprint(up, day, m.get()));
                }
            }
        }
        return inputs;
    }

    /**
     * The inputs recorded by the run that published the partition now in place: its latest successful ledger record,
     * if that is the run of the published manifest and has inputs; empty otherwise (then only time order counts).
     */
    public Optional<Map<String, String>> recorded(Dataset dataset, PartitionDate date, PartitionManifest published)
            throws IOException {
        return ledger.latest(dataset, date)
                .filter(r -> r.state() == RunState.SUCCEEDED && published.runId().equals(r.partitionRunId()))
                .map(RunRecord::inputs)
                .filter(inputs -> !inputs.isEmpty());
    }

    private String fingerprint(Dataset dataset, PartitionDate day, PartitionManifest manifest) throws IOException {
        String key = dataset.dirName() + "/" + day + "/" + manifest.runId();
        String known = byRunId.get(key);
        if (known != null) {
            return known;
        }
        MessageDigest sha = sha256();
        for (String name : manifest.dataFiles()) {
            Path file = new Path(layout.cleanedDir(dataset, day), name);
            sha.update(name.getBytes(StandardCharsets.UTF_8));
            FileChecksum checksum = fs.getFileChecksum(file);
            if (checksum != null) {
                sha.update(checksum.getBytes());
            } else {
                try (InputStream in = fs.open(file)) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        sha.update(buffer, 0, n);
                    }
                }
            }
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        byRunId.put(key, hex);
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
