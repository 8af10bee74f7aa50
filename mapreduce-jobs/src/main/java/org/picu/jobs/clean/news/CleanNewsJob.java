package org.picu.jobs.clean.news;

import java.time.Clock;
import java.util.List;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.io.CleaningJob;
import org.picu.jobs.clean.io.CleaningSpec;
import org.picu.model.layout.Dataset;

/**
 * {@code clean-news <YYYYMMDD>}: reads the day's raw news files of every configured source, applies the
 * news rules ({@link NewsRules}), keeps one item per content signature within the day (winner order
 * in {@link NewsRules}) and drops items the previous days already published, then publishes
 * {@code /cleaned/news/<YYYYMMDD>/} with rejects and manifest. Every item is kept: nothing is truncated.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanNewsJob extends CleaningJob {
    public static final String NAME = "clean-news";

    public CleanNewsJob() {
        this(Clock.systemUTC());
    }

    CleanNewsJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.NEWS,
                        new CleaningSpec.Keys(
                                CleanNewsConfigKeys.SOURCES,
                                CleanNewsConfigKeys.SOURCES_DEFAULT,
                                CleanNewsConfigKeys.DEDUP_DAYS,
                                CleanNewsConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanNewsConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanNewsConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        NewsRules.class,
                        List.of("id", "title", "url", "content", "seq")));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanNewsJob(), args));
    }
}
