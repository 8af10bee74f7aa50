package org.picu.master.run;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.jobs.publish.LockHeldException;
import org.picu.jobs.publish.PartitionLock;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

/**
 * The orchestrator's claim on a partition, {@code locks/<dataset>.<YYYYMMDD>.lease}, taken before it
 * decides to run the partition's job. A second orchestrator that finds it held skips the partition
 * instead of starting a job that would only fail on the job's own {@code .lock}, which stays the final
 * guard (it also covers an operator's {@code hadoop jar}). Same mechanism as the job lock and the compaction lease
 * ({@link PartitionLock}): an atomic create-if-absent naming its holder process, renewed while held; taken over at once
 * by an orchestrator on the same host when the holder's process is gone (a restart after a SIGKILL or a power loss),
 * and by one on another host when it went unrenewed for the TTL.
 */
public final class PartitionLease {
    private PartitionLease() {
    }

    /** The lease for the owner, or empty when another live orchestrator holds it. */
    public static Optional<PartitionLock> tryAcquire(FileSystem fs, HdfsLayout layout, Dataset dataset,
                                                     PartitionDate date, String owner, Duration ttl, Clock clock)
            throws IOException {
        try {
            return Optional.of(PartitionLock.acquire(fs, path(layout, dataset, date), owner, ttl.toMillis(), clock));
        } catch (LockHeldException e) {
            return Optional.empty();
        }
    }

    static Path path(HdfsLayout layout, Dataset dataset, PartitionDate date) {
        String lock = layout.lockFile(dataset, date);
        return new Path(lock.substring(0, lock.length() - ".lock".length()) + ".lease");
    }
}
