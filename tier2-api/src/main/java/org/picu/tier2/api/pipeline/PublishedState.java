package org.picu.tier2.api.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.WorkerHeartbeat;

/**
 * What the file system says: the newest published partition of each dataset (the newest date directory holding a
 * manifest) and every worker heartbeat. A manifest or heartbeat that does not parse is skipped, not fatal.
 */
record PublishedState(Map<Dataset, PartitionManifest> latest, List<WorkerHeartbeat> heartbeats) {
    private static final int MAX_BYTES = 64 * 1024; // a manifest or heartbeat is small; refuse to read a huge file

    static PublishedState read(FileSystem fs, HdfsLayout layout) throws IOException {
        Map<Dataset, PartitionManifest> latest = new LinkedHashMap<>();
        for (Dataset dataset : Dataset.values()) {
            newest(fs, new Path(layout.cleanedDatasetDir(dataset))).ifPresent(m -> latest.put(dataset, m));
        }
        List<WorkerHeartbeat> heartbeats = new ArrayList<>();
        Path dir = new Path(layout.heartbeatDir());
        if (fs.exists(dir)) {
            for (FileStatus file : fs.listStatus(dir, p -> p.getName().endsWith(".json"))) {
                text(fs, file).ifPresent(json -> {
                    try {
                        heartbeats.add(WorkerHeartbeat.fromJson(json));
                    } catch (IllegalArgumentException e) {
                        // a heartbeat being rewritten or from another version: the next read will see it
                    }
                });
            }
        }
        heartbeats.sort(Comparator.comparing(WorkerHeartbeat::workerId));
        return new PublishedState(latest, heartbeats);
    }

    private static Optional<PartitionManifest> newest(FileSystem fs, Path datasetDir) throws IOException {
        if (!fs.exists(datasetDir)) {
            return Optional.empty();
        }
        FileStatus[] dates = fs.listStatus(datasetDir, p -> p.getName().matches("[0-9]{8}"));
        Arrays.sort(dates, Comparator.comparing((FileStatus s) -> s.getPath().getName()).reversed());
        for (FileStatus date : dates) {
            Path manifest = new Path(date.getPath(), HdfsLayout.MANIFEST_NAME);
            if (date.isDirectory() && fs.exists(manifest)) {
                Optional<String> json = text(fs, fs.getFileStatus(manifest));
                if (json.isPresent()) {
                    try {
                        return Optional.of(PartitionManifest.fromJson(json.get()));
                    } catch (IllegalArgumentException e) {
                        // unreadable manifest: the loader reports it; look at the previous day
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(FileSystem fs, FileStatus file) throws IOException {
        if (!file.isFile() || file.getLen() > MAX_BYTES) {
            return Optional.empty();
        }
        try (InputStream in = fs.open(file.getPath())) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
