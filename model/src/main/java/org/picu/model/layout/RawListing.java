package org.picu.model.layout;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of one raw directory a reader reads, from the directory's file names and its
 * {@link CompactionIndex}. Every record is read exactly once, whatever step of a compaction the directory is in:
 * <ul>
 *   <li>a small file ({@link RawFileName}) is read unless a committed compacted file holds it (until its
 *       deletion it is still there, and ignored);</li>
 *   <li>a compacted file ({@link CompactedFileName}) is read if the index commits it and no later version of
 *       its hour does; one the index does not name is a crashed compaction's leftover and is ignored;</li>
 *   <li>anything else (hidden temporary names, the index itself, foreign files) is not raw data.</li>
 * </ul>
 */
public final class RawListing {
    private RawListing() {
    }

    /**
     * The names to read, in the order given.
     *
     * @throws IllegalStateException if the index commits a compacted file that is not there: the small files it
     *     holds may be deleted already, so reading without it would silently lose them
     */
    public static List<String> readable(Collection<String> names, CompactionIndex index) {
        Set<String> present = new HashSet<>(names);
        Set<String> leaves = leaves(index);
        for (CompactionIndex.Entry e : index.entries()) {
            if (!index.superseded(e) && !present.contains(e.file())) {
                throw new IllegalStateException(index.fileName() + " commits " + e.file() + " but it is missing; "
                        + "restore it, or its " + e.leaves().size() + " small files are lost");
            }
        }
        return names.stream().filter(n -> readable(n, index, leaves)).toList();
    }

    private static boolean readable(String name, CompactionIndex index, Set<String> leaves) {
        if (RawFileName.matches(name)) {
            return !leaves.contains(name);
        }
        if (CompactedFileName.matches(name)) {
            return index.entry(name).filter(e -> !index.superseded(e)).isPresent();
        }
        return false;
    }

    /** Every small file some committed compacted file holds. */
    public static Set<String> leaves(CompactionIndex index) {
        Set<String> leaves = new HashSet<>();
        index.entries().forEach(e -> leaves.addAll(e.leaves()));
        return leaves;
    }

    /**
     * Whether a run that read {@code readNames} (file names, e.g. from a partition manifest's
     * {@code input_files}) has read every record of the readable file {@code name}: it read the file itself, or
     * each small file it holds, directly or inside a compacted file it read. A compaction therefore does not
     * make a partition look out of date, and a file with records the run did not see always does.
     */
    public static boolean alreadyRead(String name, Set<String> readNames, CompactionIndex index) {
        if (readNames.contains(name)) {
            return true;
        }
        if (!CompactedFileName.matches(name)) {
            return false;
        }
        var entry = index.entry(name);
        if (entry.isEmpty()) {
            return false;
        }
        Set<String> readLeaves = new HashSet<>(readNames);
        for (CompactionIndex.Entry e : index.entries()) {
            if (readNames.contains(e.file())) {
                readLeaves.addAll(e.leaves());
            }
        }
        return readLeaves.containsAll(entry.get().leaves());
    }
}
