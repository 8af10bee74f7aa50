package org.picu.jobs.clean.feargreed;

import java.time.Clock;
import java.util.List;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.io.CleaningJob;
import org.picu.jobs.clean.io.CleaningSpec;
import org.picu.model.layout.Dataset;

/**
 * {@code clean-fear-greed <YYYYMMDD>}: reads the day's raw Fear &amp; Greed files, applies
 * {@link FearGreedRules} (value 0-100, classification from the one threshold table, UTC time),
 * keeps one reading per index time within the day (winner order in {@link FearGreedRules})
 * and drops readings the previous days already published (the index changes once a day, so the crawls
 * just after midnight still see yesterday's value), then publishes {@code /cleaned/fear_greed/<YYYYMMDD>/}.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanFearGreedJob extends CleaningJob {
    public static final String NAME = "clean-fear-greed";

    public CleanFearGreedJob() {
        this(Clock.systemUTC());
    }

    CleanFearGreedJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.FEAR_GREED,
                        new CleaningSpec.Keys(
                                CleanFearGreedConfigKeys.SOURCES,
                                CleanFearGreedConfigKeys.SOURCES_DEFAULT,
                                CleanFearGreedConfigKeys.DEDUP_DAYS,
                                CleanFearGreedConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanFearGreedConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanFearGreedConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        FearGreedRules.class,
                        List.of()));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanFearGreedJob(), args));
    }
}
