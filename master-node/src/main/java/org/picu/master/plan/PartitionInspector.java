package org.picu.master.plan;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.clean.RawDirectory;
import org.picu.model.layout.CompactionIndex;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/** Reads what HDFS holds: raw files of a day, raw days present, published partitions and their manifests. */
public final class PartitionInspector {
    private final FileSystem fs;
    private final HdfsLayout layout;
    /** The newest compaction index read of each raw directory: the staleness check reads them every cycle. */
    private final Map<Path, CompactionIndex> indexes = new ConcurrentHashMap<>();

    public PartitionInspector(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    /** The raw directories of a day for the given sources, each with its compaction index. */
    public List<RawDirectory> rawDirectories(List<String> sources, PartitionDate date) throws IOException {
        List<RawDirectory> dirs = new ArrayList<>();
        for (String source : sources) {
            dirs.add(RawDirectory.read(fs, new Path(layout.rawDir(source, date)), indexes));
        }
        return dirs;
    }

    /**
     * What the job reads for the day: the complete raw files of its sources, or for a derived job the Parquet files of
     * every published upstream partition within its window ({@code D - daysBefore .. D + daysAfter}).
     *
     * @param conf the configuration the job runs with (it names a cleaning job's sources)
     */
    public InputSize inputSize(DatasetJob job, PartitionDate date, Configuration conf) throws IOException {
        long bytes = 0;
        int files = 0;
        if (job.readsRaw()) {
            for (RawDirectory dir : rawDirectories(job.rawSources(conf), date)) {
                for (FileStatus f : dir.readable()) {
                    bytes += f.getLen();
                    files++;
                }
            }
            return new InputSize(bytes, files);
        }
        for (Dataset up : job.upstream()) {
            for (int offset = -job.daysBefore(); offset <= job.daysAfter(); offset++) {
                Path dir = new Path(layout.cleanedDir(up, new PartitionDate(date.day().plusDays(offset))));
                for (FileStatus f : list(dir)) {
                    if (f.isFile() && f.getPath().getName().endsWith(".parquet")) {
                        bytes += f.getLen();
                        files++;
                    }
                }
            }
        }
        return new InputSize(bytes, files);
    }

    /** Days that have a raw directory for any of the sources, sorted. */
    public List<PartitionDate> rawDates(List<String> sources) throws IOException {
        TreeSet<PartitionDate> dates = new TreeSet<>();
        for (String source : sources) {
            dates.addAll(dateDirs(new Path(layout.rawSourceDir(source))));
        }
        return List.copyOf(dates);
    }

    /** Days that have a published partition (a directory with a manifest) of the dataset, sorted. */
    public List<PartitionDate> publishedDates(Dataset dataset) throws IOException {
        List<PartitionDate> published = new ArrayList<>();
        for (PartitionDate d : dateDirs(new Path(layout.cleanedDatasetDir(dataset)))) {
            if (fs.exists(new Path(layout.cleanedDir(dataset, d), HdfsLayout.MANIFEST_NAME))) {
                published.add(d);
            }
        }
        return published;
    }

    /** The manifest of a published partition; a partition without one counts as not published. */
    public Optional<PartitionManifest> manifest(Dataset dataset, PartitionDate date) throws IOException {
        Path file = new Path(layout.cleanedDir(dataset, date), HdfsLayout.MANIFEST_NAME);
        try (InputStream in = fs.open(file)) {
            return Optional.of(PartitionManifest.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (FileNotFoundException e) {
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            // An unreadable manifest is treated like a missing one: the next run replaces the partition.
            return Optional.empty();
        }
    }

    private List<PartitionDate> dateDirs(Path dir) throws IOException {
        List<PartitionDate> dates = new ArrayList<>();
        for (FileStatus s : list(dir)) {
            String name = s.getPath().getName();
            if (s.isDirectory() && name.matches("\\d{8}")) {
                try {
                    dates.add(PartitionDate.parse(name));
                } catch (IllegalArgumentException e) {
                    // e.g. 20261399: not a day, not ours
                }
            }
        }
        dates.sort(null);
        return dates;
    }

    private FileStatus[] list(Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
