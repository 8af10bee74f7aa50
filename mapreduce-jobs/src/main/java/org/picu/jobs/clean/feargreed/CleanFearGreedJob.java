package org.picu.jobs.clean.feargreed;

import java.time.Clock;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.CleaningJob;
import org.picu.jobs.clean.CleaningSpec;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;

/**
 * {@code clean-fear-greed <YYYYMMDD>}: reads the day's raw Fear &amp; Greed files, applies
 * {@link FearGreedNormalizer} (value 0-100, classification from the one threshold table, UTC time),
 * keeps one reading per index time within the day (winner order in {@link CleanFearGreed#WINNER_FIRST})
 * and drops readings the previous days already published (the index changes once a day, so the crawls
 * just after midnight still see yesterday's value), then publishes {@code /cleaned/fear_greed/<YYYYMMDD>/}.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanFearGreedJob extends CleaningJob<CleanFearGreed> {
    public static final String NAME = "clean-fear-greed";
    private static final Schema KEY_PROJECTION = SchemaBuilder.record(DatasetSchemas.FEAR_GREED.getName())
            .namespace(DatasetSchemas.FEAR_GREED.getNamespace())
            .fields()
            .name("timestamp")
            .type(DatasetSchemas.FEAR_GREED.getField("timestamp").schema())
            .noDefault()
            .endRecord();

    public CleanFearGreedJob() {
        this(Clock.systemUTC());
    }

    CleanFearGreedJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.FEAR_GREED,
                        DatasetSchemas.FEAR_GREED,
                        new CleaningSpec.Keys(
                                CleanFearGreedConfigKeys.SOURCES,
                                CleanFearGreedConfigKeys.SOURCES_DEFAULT,
                                CleanFearGreedConfigKeys.DEDUP_DAYS,
                                CleanFearGreedConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanFearGreedConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanFearGreedConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        KEY_PROJECTION,
                        projected -> projected.get("timestamp").toString(),
                        new CleaningSpec.Classes(
                                CleanFearGreedMapper.class,
                                CleanFearGreedCombiner.class,
                                CleanFearGreedReducer.class,
                                CleanFearGreedWritable.class,
                                CleanFearGreedWritable.Rows.class),
                        List.of()));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanFearGreedJob(), args));
    }
}
