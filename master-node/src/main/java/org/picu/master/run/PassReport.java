package org.picu.master.run;

import java.util.List;
import org.picu.master.ledger.RunRecord;

/** Everything one pass (a scheduled cycle, a backfill, a run-date) did, in the order it did it. */
public record PassReport(List<Outcome> outcomes) {
    public PassReport {
        outcomes = List.copyOf(outcomes);
    }

    /** The jobs that were submitted, successful or not. */
    public List<RunRecord> runs() {
        return outcomes.stream().flatMap(o -> o.run().stream()).toList();
    }

    public List<Outcome> of(Outcome.Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).toList();
    }

    public boolean anyFailed() {
        return !of(Outcome.Kind.FAILED).isEmpty();
    }
}
