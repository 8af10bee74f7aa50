package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;

/**
 * What happened to one published partition in a load.
 *
 * @param runId the manifest's run id; empty if the manifest could not be read
 * @param rows rows written (0 unless loaded)
 * @param detail why it was skipped or failed; empty when loaded
 */
public record PartitionOutcome(Dataset dataset, PartitionDate date, Optional<String> runId, Status status, long rows,
        String detail) {

    /** Loaded now, already loaded before, or not loadable (nothing of it was written). */
    public enum Status { LOADED, SKIPPED, FAILED }

    public PartitionOutcome {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(date, "date is null");
        requireNonNull(runId, "runId is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
    }

    static PartitionOutcome loaded(PublishedPartition partition, String runId, long rows) {
        return new PartitionOutcome(partition.dataset(), partition.date(), Optional.of(runId), Status.LOADED, rows, "");
    }

    static PartitionOutcome skipped(PublishedPartition partition, String runId, String why) {
        return new PartitionOutcome(partition.dataset(), partition.date(), Optional.of(runId), Status.SKIPPED, 0, why);
    }

    static PartitionOutcome failed(PublishedPartition partition, Optional<String> runId, String why) {
        return new PartitionOutcome(partition.dataset(), partition.date(), runId, Status.FAILED, 0, why);
    }
}
