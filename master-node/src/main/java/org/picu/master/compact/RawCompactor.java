package org.picu.master.compact;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.jobs.clean.RawDirectory;
import org.picu.jobs.publish.LockHeldException;
import org.picu.jobs.publish.PartitionLock;
import org.picu.model.layout.CompactedFileName;
import org.picu.model.layout.CompactionIndex;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;
import org.picu.model.layout.RawListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps raw directories small: merges the small files one worker shipped for one source during one hour into
 * one compacted file, once the hour has been over for {@code compactAfter}. The hour of a small file is the hour
 * of the day it reached HDFS (its modification time, the NameNode's clock), clamped to the directory's day, so a
 * file that arrives after its day ended joins hour 23.
 *
 * <p>Per directory, a pass: (1) removes leftovers of a pass that died (hidden temporary files, compacted files no
 * index commits, older index generations); (2) deletes the files committed compacted files hold, once they have
 * been committed for {@code compactAfter} (a job that listed them before the commit can still read them);
 * (3) for each closed hour with new small files writes {@code .<name>.compacting}, renames it to its
 * {@link CompactedFileName} (the hour's previous version, if any, first, then the small files in sequence order),
 * and (4) commits all of them at once by renaming the next {@link CompactionIndex} generation into place. Until
 * that rename readers ignore the new files and read the small ones; after it, the reverse (see
 * {@link RawListing}). One orchestrator compacts at a time ({@code locks/compaction.lease}).
 */
public final class RawCompactor {
    private static final Logger LOG = LoggerFactory.getLogger(RawCompactor.class);
    private static final String TEMP_SUFFIX = ".compacting";

    private final FileSystem fs;
    private final HdfsLayout layout;
    private final Duration compactAfter;
    private final Duration leaseTtl;
    private final String owner;
    private final Clock clock;
    private final CompactionFaults faults;
    /** The newest index read of each directory, so that a cycle with nothing to do parses none. */
    private final Map<Path, CompactionIndex> indexes = new HashMap<>();

    public RawCompactor(FileSystem fs, HdfsLayout layout, Duration compactAfter, Duration leaseTtl, String owner,
                        Clock clock, CompactionFaults faults) {
        this.fs = fs;
        this.layout = layout;
        this.compactAfter = compactAfter;
        this.leaseTtl = leaseTtl;
        this.owner = owner;
        this.clock = clock;
        this.faults = faults;
    }

    /** Compacts the raw directories of every source for the given days. */
    public CompactionReport compact(List<PartitionDate> days) throws IOException {
        PartitionLock lease;
        try {
            lease = PartitionLock.acquire(fs, new Path(layout.compactionLease()), owner, leaseTtl.toMillis(), clock);
        } catch (LockHeldException e) {
            return CompactionReport.HELD;
        }
        try (PartitionLock held = lease) {
            CompactionReport report = new CompactionReport(false, 0, 0, 0);
            for (String source : sources()) {
                for (PartitionDate day : days) {
                    Path dir = new Path(layout.rawDir(source, day));
                    if (fs.exists(dir)) {
                        report = report.plus(compactDir(dir, day));
                    }
                }
            }
            return report;
        }
    }

    private List<String> sources() throws IOException {
        List<String> sources = new ArrayList<>();
        try {
            for (FileStatus s : fs.listStatus(new Path(layout.rawRootDir()))) {
                if (s.isDirectory()) {
                    sources.add(s.getPath().getName());
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        sources.sort(null);
        return sources;
    }

    /** One pass over one directory. */
    CompactionReport compactDir(Path dir, PartitionDate day) throws IOException {
        Instant now = clock.instant();
        RawDirectory raw = RawDirectory.read(fs, dir, indexes);
        CompactionIndex index = raw.index();
        Map<String, FileStatus> present = new TreeMap<>();
        raw.files().stream().filter(FileStatus::isFile).forEach(f -> present.put(f.getPath().getName(), f));

        removeLeftovers(dir, present, index);
        int deleted = deleteReplaced(dir, present, index, now);

        List<CompactionIndex.Entry> added = new ArrayList<>();
        int merged = 0;
        for (Map.Entry<Hour, List<FileStatus>> group : closedHours(raw.readable(), day, now).entrySet()) {
            Hour hour = group.getKey();
            Optional<CompactionIndex.Entry> previous = index.latest(hour.source(), hour.worker(), hour.hour());
            List<FileStatus> small = group.getValue();
            if (previous.isEmpty() && small.size() < 2) {
                continue; // one file is already one file
            }
            CompactionIndex.Entry entry = write(dir, hour, previous, small, now);
            added.add(entry);
            merged += small.size() + (previous.isPresent() ? 1 : 0);
        }
        if (!added.isEmpty()) {
            commit(dir, index, index.plus(added));
        }
        return new CompactionReport(false, merged, added.size(), deleted);
    }

    /** Hidden temporary files, compacted files no index commits, and older index generations: all from a dead pass. */
    private void removeLeftovers(Path dir, Map<String, FileStatus> present, CompactionIndex index) throws IOException {
        for (String name : List.copyOf(present.keySet())) {
            Optional<Long> generation = CompactionIndex.generationOf(name);
            boolean leftover = (name.startsWith(".") && name.endsWith(TEMP_SUFFIX))
                    || (CompactedFileName.matches(name) && index.entry(name).isEmpty())
                    || (generation.isPresent() && generation.get() < index.generation());
            if (leftover) {
                LOG.info("removing {} left by an interrupted compaction", new Path(dir, name));
                fs.delete(new Path(dir, name), false);
                present.remove(name);
            }
        }
    }

    /** Files that compacted files committed at least {@code compactAfter} ago hold. */
    private int deleteReplaced(Path dir, Map<String, FileStatus> present, CompactionIndex index, Instant now)
            throws IOException {
        int deleted = 0;
        for (CompactionIndex.Entry e : index.entries()) {
            if (e.committedAt().plus(compactAfter).isAfter(now)) {
                continue;
            }
            List<String> replaced = new ArrayList<>(e.leaves());
            CompactedFileName name = e.name();
            for (int v = 1; v < name.version(); v++) {
                replaced.add(new CompactedFileName(name.source(), name.workerId(), name.hour(), v).toString());
            }
            for (String file : replaced) {
                if (present.remove(file) != null) {
                    fs.delete(new Path(dir, file), false);
                    deleted++;
                    faults.after(CompactionStep.REPLACED_FILE_DELETED, new Path(dir, file).toString());
                }
            }
        }
        return deleted;
    }

    /** Readable small files of hours that have been over for {@code compactAfter}, by source, worker and hour. */
    private Map<Hour, List<FileStatus>> closedHours(List<FileStatus> readable, PartitionDate day, Instant now) {
        Map<Hour, List<FileStatus>> groups = new TreeMap<>();
        for (FileStatus f : readable) {
            String name = f.getPath().getName();
            if (!RawFileName.matches(name)) {
                continue;
            }
            long sinceStart = f.getModificationTime() - day.start().toEpochMilli();
            int hour = (int) Math.max(0, Math.min(23, Math.floorDiv(sinceStart, Duration.ofHours(1).toMillis())));
            Instant closed = day.start().plus(Duration.ofHours(hour + 1L)).plus(compactAfter);
            if (!closed.isAfter(now)) {
                RawFileName parsed = RawFileName.parse(name);
                groups.computeIfAbsent(new Hour(parsed.source(), parsed.workerId(), hour), h -> new ArrayList<>())
                        .add(f);
            }
        }
        groups.values().forEach(files -> files.sort(Comparator.comparing(f -> f.getPath().getName())));
        return groups;
    }

    /** Writes and renames one compacted file; it is not committed until the index names it. */
    private CompactionIndex.Entry write(Path dir, Hour hour, Optional<CompactionIndex.Entry> previous,
                                        List<FileStatus> small, Instant now) throws IOException {
        CompactedFileName name = previous.map(e -> e.name().next())
                .orElseGet(() -> new CompactedFileName(hour.source(), hour.worker(), hour.hour(), 1));
        List<Path> members = new ArrayList<>();
        List<String> leaves = new ArrayList<>();
        previous.ifPresent(e -> {
            members.add(new Path(dir, e.file()));
            leaves.addAll(e.leaves());
        });
        for (FileStatus f : small) {
            members.add(f.getPath());
            leaves.add(f.getPath().getName());
        }
        Path temp = new Path(dir, "." + name + TEMP_SUFFIX);
        try (OutputStream out = fs.create(temp, true)) {
            for (Path member : members) {
                copyLines(member, out);
            }
        }
        faults.after(CompactionStep.TEMP_WRITTEN, temp.toString());
        Path target = new Path(dir, name.toString());
        if (!fs.rename(temp, target)) {
            throw new IOException("HDFS refused to rename " + temp + " to " + target + "; does it exist already?");
        }
        faults.after(CompactionStep.RENAMED, target.toString());
        return new CompactionIndex.Entry(name.toString(), now, leaves);
    }

    /** Copies a file, ending it with a newline if it lacks one, so no two lines are joined. */
    private void copyLines(Path member, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        int last = '\n';
        try (InputStream in = fs.open(member)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                last = buffer[n - 1];
            }
        }
        if (last != '\n') {
            out.write('\n');
        }
    }

    /** Renames the next index generation into place (the commit), then removes the one it replaces. */
    private void commit(Path dir, CompactionIndex previous, CompactionIndex next) throws IOException {
        Path temp = new Path(dir, "." + next.fileName() + TEMP_SUFFIX);
        try (OutputStream out = fs.create(temp, true)) {
            out.write(next.toJson().getBytes(StandardCharsets.UTF_8));
        }
        Path target = new Path(dir, next.fileName());
        if (!fs.rename(temp, target)) {
            throw new IOException("HDFS refused to rename " + temp + " to " + target
                    + "; another compactor committed this generation (the compaction lease should prevent that)");
        }
        faults.after(CompactionStep.INDEX_COMMITTED, target.toString());
        if (previous.generation() > 0) {
            fs.delete(new Path(dir, previous.fileName()), false);
        }
        LOG.info("committed {} in {}", next.fileName(), dir);
    }

    /** An hour of one source and worker. */
    private record Hour(String source, String worker, int hour) implements Comparable<Hour> {
        @Override
        public int compareTo(Hour o) {
            return Comparator.comparing(Hour::source).thenComparing(Hour::worker).thenComparingInt(Hour::hour)
                    .compare(this, o);
        }
    }
}
