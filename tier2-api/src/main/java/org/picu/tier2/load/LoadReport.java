package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.picu.tier2.load.PartitionOutcome.Status;

/** The outcome of one load: one entry per published partition that was looked at, oldest first. */
public record LoadReport(List<PartitionOutcome> outcomes) {
    public LoadReport {
        requireNonNull(outcomes, "outcomes is null");
        outcomes = List.copyOf(outcomes);
    }

    /** Partitions written in this load. */
    public int loaded() {
        return count(Status.LOADED);
    }

    /** Partitions whose run was in the ledger already. */
    public int skipped() {
        return count(Status.SKIPPED);
    }

    /** Partitions that could not be loaded; nothing of them was written. */
    public int failed() {
        return count(Status.FAILED);
    }

    /** Rows written in this load. */
    public long rows() {
        return outcomes.stream().mapToLong(PartitionOutcome::rows).sum();
    }

    public List<PartitionOutcome> failures() {
        return outcomes.stream().filter(o -> o.status() == Status.FAILED).toList();
    }

    /** Appends another report's outcomes, e.g. of the next dataset. */
    public LoadReport plus(LoadReport other) {
        List<PartitionOutcome> all = new ArrayList<>(outcomes);
        all.addAll(other.outcomes);
        return new LoadReport(all);
    }

    /** One line for logs and the command line. */
    public String summary() {
        return "loaded " + loaded() + " partition" + (loaded() == 1 ? "" : "s") + " (" + rows() + " rows), skipped "
                + skipped() + " already loaded, " + failed() + " failed";
    }

    private int count(Status status) {
        return (int) outcomes.stream().filter(o -> o.status() == status).count();
    }
}
