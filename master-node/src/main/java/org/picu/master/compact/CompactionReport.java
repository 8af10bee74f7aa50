package org.picu.master.compact;

/**
 * What one compaction pass did.
 *
 * @param leaseHeld true if another orchestrator was compacting, so this pass did nothing
 * @param merged small files (and earlier versions) merged into new compacted files
 * @param written compacted files written and committed
 * @param deleted files deleted because a committed compacted file holds them
 */
public record CompactionReport(boolean leaseHeld, int merged, int written, int deleted) {
    static final CompactionReport HELD = new CompactionReport(true, 0, 0, 0);

    CompactionReport plus(CompactionReport other) {
        return new CompactionReport(leaseHeld || other.leaseHeld, merged + other.merged, written + other.written,
                deleted + other.deleted);
    }

    public String describe() {
        return leaseHeld
                ? "compaction: another orchestrator holds the lease"
                : "compaction: " + merged + " files merged into " + written + ", " + deleted
                        + " replaced files deleted";
    }
}
