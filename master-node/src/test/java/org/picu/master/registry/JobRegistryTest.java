package org.picu.master.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.DatasetJob.Needs;
import org.picu.jobs.candles.CandlesJob;
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
    }

    @Test
    void every_registry_job_is_in_the_job_jars_catalog() {
        JobCatalog catalog = JobCatalog.fromJobJar();
        for (DatasetJob job : JobRegistry.standard().jobs()) {
            assertTrue(catalog.newTool(job.jobName()).isPresent(), job.jobName());
        }
    }

    @Test
    void entries_listed_downstream_first_are_reordered() {
        JobRegistry registry = JobRegistry.of(List.of(
                job(Dataset.INDICATORS, Dataset.CANDLES_1H),
                job(Dataset.CANDLES_1H, Dataset.MARKET_TICKS),
                raw(Dataset.MARKET_TICKS)));
        assertEquals(List.of(Dataset.MARKET_TICKS, Dataset.CANDLES_1H, Dataset.INDICATORS),
                registry.jobs().stream().map(DatasetJob::dataset).toList());
    }

    @Test
    void cycles_missing_upstream_entries_and_duplicates_are_refused() {
        IllegalArgumentException cycle = assertThrows(IllegalArgumentException.class, () -> JobRegistry.of(List.of(
                job(Dataset.CANDLES_1H, Dataset.INDICATORS), job(Dataset.INDICATORS, Dataset.CANDLES_1H))));
        assertTrue(cycle.getMessage().contains("cycle"), cycle.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> JobRegistry.of(List.of(
                job(Dataset.CANDLES_1H, Dataset.MARKET_TICKS))));
        assertTrue(missing.getMessage().contains("market_ticks"), missing.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> JobRegistry.of(List.of(raw(Dataset.NEWS), raw(Dataset.NEWS))));
    }

    /** Only the datasets matter to the ordering; the tool is any real job class. */
    private static DatasetJob job(Dataset dataset, Dataset upstream) {
        return DatasetJob.derived(
                dataset, dataset.dirName(), CandlesJob.class, "test", List.of(upstream), Needs.ALL, 0, 0);
    }

    private static DatasetJob raw(Dataset dataset) {
        return DatasetJob.fromRaw(dataset, dataset.dirName(), CandlesJob.class, "test", "picu.test.sources");
    }
}
