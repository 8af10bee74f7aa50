package org.picu.master.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.jobs.DatasetJob;
import org.picu.master.plan.Staleness.Verdict;
import org.picu.master.registry.JobRegistry;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

class StalenessCheckTest {
    private static final PartitionDate D0 = PartitionDate.parse("20261031");
    private static final PartitionDate D1 = PartitionDate.parse("20261101");
    private static final PartitionDate D2 = PartitionDate.parse("20261102");
    private static final String RAW1 = "upbit.w1.000000000001-000000000005.jsonl";
    private static final String RAW2 = "upbit.w2.000000000001-000000000002.jsonl";

    @TempDir
    Path dir;
    private StalenessCheck check;
    private FileSystem fs;
    private HdfsLayout layout;

    @BeforeEach
    void setUp() throws Exception {
        layout = new HdfsLayout(dir.toUri().toString());
        fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(new Configuration());
        check = new StalenessCheck(new PartitionInspector(fs, layout), new Configuration(false));
    }

    private DatasetJob job(Dataset d) {
        return JobRegistry.standard().of(d).orElseThrow();
    }

    private void raw(PartitionDate day, String name) throws Exception {
        String source = name.substring(0, name.indexOf('.'));
        Files.createDirectories(dir.resolve("raw/" + source + "/" + day));
        Files.writeString(dir.resolve("raw/" + source + "/" + day + "/" + name), "{}\n");
        // An upload in progress is never an input.
        Files.writeString(dir.resolve("raw/" + source + "/" + day + "/." + name + ".uploading"), "{}\n");
    }

    private void published(Dataset d, PartitionDate day, int minute, List<String> inputs) throws Exception {
        Path partition = Files.createDirectories(dir.resolve("cleaned/" + d.dirName() + "/" + day));
        Files.writeString(
                partition.resolve("_manifest.json"),
                new PartitionManifest(
                                d.dirName(),
                                day.toString(),
                                "r" + minute,
                                1,
                                0,
                                0,
                                List.of(),
                                inputs,
                                Instant.parse("2026-11-03T10:00:00Z").plusSeconds(60L * minute))
                        .toJson());
    }

    @Test
    void a_raw_dataset_runs_for_new_or_late_files_and_not_for_files_it_already_read() throws Exception {
        assertEquals(Verdict.NO_INPUT, check.check(job(Dataset.MARKET_TICKS), D1).verdict());
        raw(D1, RAW1);
        assertEquals(Verdict.RUN, check.check(job(Dataset.MARKET_TICKS), D1).verdict());
        published(Dataset.MARKET_TICKS, D1, 0, List.of(RAW1));
        assertEquals(Verdict.UP_TO_DATE, check.check(job(Dataset.MARKET_TICKS), D1).verdict());
        raw(D1, RAW2);
        assertEquals(new Staleness(Verdict.RUN, "1 new or late raw files"), check.check(job(Dataset.MARKET_TICKS), D1));
    }

    @Test
    void a_late_file_of_a_source_added_to_the_jobs_sources_setting_makes_its_day_run() throws Exception {
        String coinness = "coinness.w1.000000000001-000000000004.jsonl";
        String chainwire = "chainwire.w2.000000000001-000000000003.jsonl";
        raw(D1, coinness);
        published(Dataset.NEWS, D1, 0, List.of("raw/coinness/" + D1 + "/" + coinness));
        raw(D1, chainwire);
        // not among clean-news's sources: the job would not read it, so nothing is out of date
        assertEquals(Verdict.UP_TO_DATE, check.check(job(Dataset.NEWS), D1).verdict());

        // an operator adds the declarative source to the job's setting, which the master submits the jobs with
        Configuration conf = new Configuration(false);
        conf.set("picu.clean-news.sources", "coinness, saveticker, perplexity, chainwire");
        StalenessCheck configured = new StalenessCheck(new PartitionInspector(fs, layout), conf);
        assertEquals(new Staleness(Verdict.RUN, "1 new or late raw files"), configured.check(job(Dataset.NEWS), D1));
        assertEquals(List.of("coinness", "saveticker", "perplexity", "chainwire"), job(Dataset.NEWS).rawSources(conf));
        assertEquals(List.of(), job(Dataset.CANDLES_1H).rawSources(conf), "a derived job reads no raw files");
    }

    @Test
    void a_manifest_listing_inputs_by_path_below_the_root_counts_them_as_read() throws Exception {
        raw(D1, RAW1);
        raw(D1, RAW2);
        published(Dataset.MARKET_TICKS, D1, 0, List.of("raw/upbit/" + D1 + "/" + RAW1, "raw/upbit/" + D1 + "/" + RAW2));
        assertEquals(Verdict.UP_TO_DATE, check.check(job(Dataset.MARKET_TICKS), D1).verdict());
        published(Dataset.MARKET_TICKS, D1, 1, List.of("raw/upbit/" + D1 + "/" + RAW1));
        assertEquals(new Staleness(Verdict.RUN, "1 new or late raw files"), check.check(job(Dataset.MARKET_TICKS), D1));
    }

    @Test
    void candles_follow_their_day_and_the_next_day_of_ticks_but_not_the_day_before() throws Exception {
        assertEquals(
                new Staleness(Verdict.NO_INPUT, "waiting for market_ticks"), check.check(job(Dataset.CANDLES_1H), D1));
        published(Dataset.MARKET_TICKS, D1, 0, List.of(RAW1));
        assertEquals(Verdict.RUN, check.check(job(Dataset.CANDLES_1H), D1).verdict());
        published(Dataset.CANDLES_1H, D1, 10, List.of());
        assertEquals(Verdict.UP_TO_DATE, check.check(job(Dataset.CANDLES_1H), D1).verdict());
        published(Dataset.MARKET_TICKS, D0, 20, List.of(RAW1));
        assertEquals(Verdict.UP_TO_DATE, check.check(job(Dataset.CANDLES_1H), D1).verdict());
        published(Dataset.MARKET_TICKS, D2, 30, List.of(RAW1));
        assertEquals(
                new Staleness(Verdict.RUN, "newer market_ticks 20261102"), check.check(job(Dataset.CANDLES_1H), D1));
    }

    @Test
    void insights_run_when_any_of_their_inputs_is_there() throws Exception {
        Staleness none = check.check(job(Dataset.INSIGHTS), D1);
        assertEquals(Verdict.NO_INPUT, none.verdict());
        assertEquals("waiting for candles_1h or indicators or news or news_sentiment", none.reason());
        published(Dataset.NEWS, D1, 0, List.of());
        assertEquals(Verdict.RUN, check.check(job(Dataset.INSIGHTS), D1).verdict());
        assertEquals(new Staleness(Verdict.NO_INPUT, "waiting for news"), check.check(job(Dataset.NEWS_SENTIMENT), D2));
    }
}
