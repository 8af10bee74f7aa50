package org.picu.tier2.load;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the published partitions of a dataset below an {@link HdfsLayout}. */
public final class PublishedPartitions {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedPartitions.class);

    private PublishedPartitions() {
    }

    /**
     * Lists the partitions that have a {@code _manifest.json}, oldest day first. A directory without one is still
     * being written (or was abandoned) and is left alone; names that are not {@code YYYYMMDD} are not partitions.
     */
    public static List<PublishedPartition> find(FileSystem fs, HdfsLayout layout, Dataset dataset) throws IOException {
        Path datasetDir = new Path(layout.cleanedDatasetDir(dataset));
        FileStatus[] entries;
        try {
            entries = fs.listStatus(datasetDir);
        } catch (FileNotFoundException e) {
            LOG.info("{} does not exist yet: nothing of {} is published", datasetDir, dataset.dirName());
            return List.of();
        }
        List<PublishedPartition> partitions = new ArrayList<>();
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (!entry.isDirectory() || !isDateName(name)) {
                continue;
            }
            if (!fs.exists(new Path(entry.getPath(), HdfsLayout.MANIFEST_NAME))) {
                LOG.info(
                        "ignoring {}: no {} yet, so it is not completely published",
                        entry.getPath(),
                        HdfsLayout.MANIFEST_NAME);
                continue;
            }
            partitions.add(new PublishedPartition(dataset, PartitionDate.parse(name), entry.getPath()));
        }
        partitions.sort(Comparator.comparing(PublishedPartition::date));
        return partitions;
    }

    private static boolean isDateName(String name) {
        try {
            PartitionDate.parse(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
