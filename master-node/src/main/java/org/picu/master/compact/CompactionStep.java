package org.picu.master.compact;

/** The points of a compaction where the process may die; a {@link CompactionFaults} hook is told of each. */
public enum CompactionStep {
    /** A compacted file is written and closed under its hidden temporary name. */
    TEMP_WRITTEN,
    /** The compacted file is renamed to its final name; no index commits it yet. */
    RENAMED,
    /** The next index generation is renamed into place: the compacted files it adds are committed. */
    INDEX_COMMITTED,
    /** One small file (or superseded compacted file) a committed compacted file holds is deleted. */
    REPLACED_FILE_DELETED
}
