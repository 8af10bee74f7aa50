package org.picu.master.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.model.layout.Dataset;

class JobRegistryTest {

    @Test
    void the_standard_pipeline_runs_every_upstream_job_before_its_downstream_jobs() {
        List<Dataset> order = JobRegistry.standard().jobs().stream().map(DatasetJob::dataset).toList();
        assertEquals(Dataset.values().length, order.size(), "every dataset has a job");
        for (DatasetJob job : JobRegistry.standard().jobs()) {
            for (Dataset up : job.upstream()) {
                assertTrue(order.indexOf(up) < order.indexOf(job.dataset()), up + " before " + job.dataset());
            }
        }
        assertEquals("candles-1h", JobRegistry.standard().of(Dataset.CANDLES_1H).orElseThrow().jobName());
    }

    @Test
    void entries_listed_downstream_first_are_reordered() {
        JobRegistry registry = JobRegistry.of(List.of(
                new DatasetJob(Dataset.INDICATORS, "indicators", List.of(Dataset.CANDLES_1H)),
                new DatasetJob(Dataset.CANDLES_1H, "candles-1h", List.of(Dataset.MARKET_TICKS)),
                new DatasetJob(Dataset.MARKET_TICKS, "clean-market", List.of())));
        assertEquals(List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.INDICATORS),
                registry.jobs().stream().map(DatasetJob::dataset).toList());
    }

    @Test
    void cycles_missing_upstream_entries_and_duplicates_are_refused() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> JobRegistry.of(List.of(
                new DatasetJob(Dataset.CANDLES_1H, "candles-1h", List.of(Dataset.INDICATORS)),
                new DatasetJob(Dataset.INDICATORS, "indicators", List.of(Dataset.CANDLES_1H)))));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> JobRegistry.of(List.of(
                new DatasetJob(Dataset.CANDLES_1H, "candles-1h", List.of(Dataset.MARKET_TICKS)))));
        assertTrue(missing.getMessage().contains("market_ticks"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JobRegistry.of(List.of(
                new DatasetJob(Dataset.NEWS, "clean-news", List.of()), new DatasetJob(Dataset.NEWS, "x", List.of()))));
    }
}
