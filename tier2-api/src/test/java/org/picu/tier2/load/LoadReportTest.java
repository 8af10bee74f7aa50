package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;
import org.picu.tier2.load.PartitionOutcome.Status;

class LoadReportTest {
    private static PartitionOutcome outcome(String date, Status status, long rows) {
        return new PartitionOutcome(Dataset.MARKET_TICKS, PartitionDate.parse(date), Optional.of("r"), status, rows,
                status == Status.LOADED ? "" : "why");
    }

    @Test
    void counts_and_summarises_outcomes() {
        LoadReport report = new LoadReport(List.of(outcome("20261121", Status.SKIPPED, 0)))
                .plus(new LoadReport(List.of(
                        outcome("20261122", Status.LOADED, 7),
                        outcome("20261123", Status.LOADED, 3),
                        outcome("20261124", Status.FAILED, 0))));
        assertEquals(2, report.loaded());
        assertEquals(1, report.skipped());
        assertEquals(1, report.failed());
        assertEquals(10, report.rows());
        assertEquals("loaded 2 partitions (10 rows), skipped 1 already loaded, 1 failed", report.summary());
        assertEquals(PartitionDate.parse("20261124"), report.failures().get(0).date());
    }
}
