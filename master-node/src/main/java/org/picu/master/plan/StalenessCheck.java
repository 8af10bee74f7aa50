package org.picu.master.plan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.clean.RawDirectory;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;
import org.picu.model.layout.RawListing;

/**
 * Decides whether a partition is out of date. A dataset built from raw files is out of date when a raw
 * file of its day holds records the published manifest's {@code input_files} did not (new or late data). A
 * derived dataset is out of date when an upstream partition within its input window was published after
 * it, unless (with {@link InputFingerprints}) every upstream partition of the window has the content the
 * published run read. A partition whose inputs are absent (no raw files, the upstream partitions of its day
 * missing) waits.
 */
public final class StalenessCheck {
    private final PartitionInspector inspector;
    private final Configuration conf;
    private final InputFingerprints fingerprints;

    /** Derived datasets by time order alone. */
    public StalenessCheck(PartitionInspector inspector, Configuration conf) {
        this(inspector, conf, null);
    }

    /**
     * @param conf the configuration the jobs are submitted with: it says which raw sources each job reads
     * @param fingerprints what derived runs read, by content; null for time order alone
     */
    public StalenessCheck(PartitionInspector inspector, Configuration conf, InputFingerprints fingerprints) {
        this.inspector = inspector;
        this.conf = conf;
        this.fingerprints = fingerprints;
    }

    public Staleness check(DatasetJob job, PartitionDate date) throws IOException {
        Optional<PartitionManifest> published = inspector.manifest(job.dataset(), date);
        if (job.readsRaw()) {
            return checkRaw(inspector.rawDirectories(job.rawSources(conf), date), published);
        }
        List<Dataset> present = new ArrayList<>();
        for (Dataset up : job.upstream()) {
            if (inspector.manifest(up, date).isPresent()) {
                present.add(up);
            }
        }
        boolean enough = job.needs() == DatasetJob.Needs.ALL
                ? present.size() == job.upstream().size()
                : !present.isEmpty();
        if (!enough) {
            List<String> missing = job.upstream().stream()
                    .filter(u -> !present.contains(u))
                    .map(Dataset::dirName)
                    .toList();
            return Staleness.noInput(
                    "waiting for " + String.join(job.needs() == DatasetJob.Needs.ALL ? " and " : " or ", missing));
        }
        if (published.isEmpty()) {
            return Staleness.run("not published yet");
        }
        List<String> newer = new ArrayList<>();
        for (Dataset up : job.upstream()) {
            for (int offset = -job.daysBefore(); offset <= job.daysAfter(); offset++) {
                PartitionDate day = new PartitionDate(date.day().plusDays(offset));
                Optional<PartitionManifest> upstream = inspector.manifest(up, day);
                if (upstream.isPresent() && upstream.get().publishedAt().isAfter(published.get().publishedAt())) {
                    newer.add(up.dirName() + " " + day);
                }
            }
        }
        if (newer.isEmpty()) {
            return Staleness.upToDate("up to date");
        }
        if (fingerprints != null) {
            Optional<java.util.Map<String, String>> read = fingerprints.recorded(job.dataset(), date, published.get());
            if (read.isPresent() && read.get().equals(fingerprints.window(job, date))) {
                return Staleness.upToDate(
                        "up to date (" + String.join(", ", newer) + " republished with the same content)");
            }
        }
        return Staleness.run("newer " + String.join(", ", newer));
    }

    /**
     * A raw file counts as read when the published run read it, or read every small file a compacted file holds
     * (directly or inside an earlier version): compacting files a run has read does not make its partition out
     * of date, and a file with a record the run did not see always does.
     */
    private static Staleness checkRaw(List<RawDirectory> dirs, Optional<PartitionManifest> published)
            throws IOException {
        Set<String> read = published.map(m -> fileNames(m.inputFiles())).orElse(Set.of());
        int files = 0;
        int unread = 0;
        for (RawDirectory dir : dirs) {
            for (FileStatus f : dir.readable()) {
                files++;
                if (!RawListing.alreadyRead(f.getPath().getName(), read, dir.index())) {
                    unread++;
                }
            }
        }
        if (files == 0) {
            return Staleness.noInput("no raw files");
        }
        if (published.isEmpty()) {
            return Staleness.run(files + " raw files, not published yet");
        }
        return unread == 0 ? Staleness.upToDate("up to date (" + files + " raw files)")
                : Staleness.run(unread + " new or late raw files");
    }

    /**
     * The file names of a manifest's {@code input_files}: the jobs list each input by its path below the
     * PICU root ({@code raw/upbit/20261121/upbit.w1....jsonl}); manifests written before that list bare names.
     * Raw file names are unique within a day (they carry source, worker and sequence range), so comparing
     * names reads both.
     */
    static Set<String> fileNames(List<String> inputFiles) {
        Set<String> names = new HashSet<>();
        for (String f : inputFiles) {
            names.add(f.substring(f.lastIndexOf('/') + 1));
        }
        return names;
    }
}
