package org.picu.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.junit.jupiter.api.Test;
import org.picu.jobs.DatasetJob.Needs;
import org.picu.jobs.candles.CandlesJob;
import org.picu.model.layout.Dataset;

class PicuJobsTest {

    @Test
    void the_driver_without_a_job_name_lists_every_job_and_answers_a_usage_error() throws Throwable {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = PicuJobs.driver().run(new String[0]);
        } finally {
            System.setOut(original);
        }
        String listing = captured.toString(StandardCharsets.UTF_8);
        assertEquals(-1, code, "no job named is a usage error, which main turns into exit 2");
        for (DatasetJob job : PicuJobs.ALL) {
            assertTrue(listing.contains(job.jobName() + ": " + job.description()), "listing names " + job.jobName()
                    + ":\n" + listing);
        }
    }

    @Test
    void every_job_is_a_tool_of_its_own_class() {
        for (DatasetJob job : PicuJobs.ALL) {
            Tool tool = job.newTool();
            assertEquals(job.tool(), tool.getClass(), job.jobName());
        }
    }

    @Test
    void a_raw_job_reads_its_configured_sources_or_else_the_datasets_and_a_derived_job_none() {
        DatasetJob news = PicuJobs.ALL.stream().filter(j -> j.dataset() == Dataset.NEWS).findFirst().orElseThrow();
        Configuration conf = new Configuration(false);
        assertEquals(Dataset.NEWS.rawSources(), news.rawSources(conf));
        conf.set(news.sourcesKey(), "coinness, chainwire");
        assertEquals(List.of("coinness", "chainwire"), news.rawSources(conf));
        DatasetJob candles = PicuJobs.ALL.stream()
                .filter(j -> j.dataset() == Dataset.CANDLES_1H)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(), candles.rawSources(conf));
    }

    @Test
    void a_job_reads_either_raw_sources_or_upstream_datasets() {
        assertThrows(IllegalArgumentException.class, () -> new DatasetJob(Dataset.CANDLES_1H, "candles-1h",
                CandlesJob.class, "both", "picu.candles-1h.sources", List.of(Dataset.MARKET_TICKS), Needs.ALL, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DatasetJob(Dataset.CANDLES_1H, "candles-1h",
                CandlesJob.class, "neither", "", List.of(), Needs.ALL, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DatasetJob.derived(Dataset.CANDLES_1H, "candles-1h",
                CandlesJob.class, "negative window", List.of(Dataset.MARKET_TICKS), Needs.ALL, -1, 0));
    }
}
