package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * A complete partition directory {@code cleaned/<dataset>/<YYYYMMDD>/}: one that has its {@code _manifest.json}.
 */
public record PublishedPartition(Dataset dataset, PartitionDate date, Path directory) {
    /** Run ids longer than this do not fit the ledger's column. */
    static final int MAX_RUN_ID_LENGTH = 100;

    public PublishedPartition {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(date, "date is null");
        requireNonNull(directory, "directory is null");
    }

    /**
     * Reads the manifest and checks that it describes this partition and only names files inside it.
     *
     * @throws LoadException if the manifest is not valid for this directory
     */
    public PartitionManifest readManifest(FileSystem fs) throws IOException {
        Path file = new Path(directory, HdfsLayout.MANIFEST_NAME);
        PartitionManifest manifest;
        try (InputStream in = fs.open(file)) {
            manifest = PartitionManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new LoadException(file.toString(), e.getMessage(), e);
        }
        check(file, manifest.dataset().equals(dataset.dirName()),
                "manifest is for dataset '" + manifest.dataset() + "', not " + dataset.dirName());
        check(file, manifest.date().equals(date.toString()),
                "manifest is for date " + manifest.date() + " but sits in directory " + date);
        check(file, !manifest.runId().isBlank() && manifest.runId().length() <= MAX_RUN_ID_LENGTH,
                "run_id must be 1 to " + MAX_RUN_ID_LENGTH + " characters");
        check(file, manifest.recordCount() >= 0, "record_count is negative");
        for (String name : manifest.dataFiles()) {
            check(
                    file,
                    isPlainFileName(name),
                    "data file '" + name + "' is not a plain file name inside the partition");
        }
        return manifest;
    }

    /** The data file {@code name} of this partition. */
    public Path dataFile(String name) {
        return new Path(directory, name);
    }

    @Override
    public String toString() {
        return dataset.dirName() + "/" + date;
    }

    // Names like "../x" or "_rejects/y" would let a manifest pull in files that are not the partition's data.
    private static boolean isPlainFileName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\")
                && !name.startsWith(".") && !name.startsWith("_");
    }

    private static void check(Path file, boolean condition, String problem) {
        if (!condition) {
            throw new LoadException(file.toString(), problem);
        }
    }
}
