package org.picu.jobs.clean.news;

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
 * {@code clean-news <YYYYMMDD>}: reads the day's raw news files of every configured source, applies the
 * news rules ({@link NewsNormalizer}), keeps one item per content signature within the day (winner order
 * in {@link CleanNews#WINNER_FIRST}) and drops items the previous days already published, then publishes
 * {@code /cleaned/news/<YYYYMMDD>/} with rejects and manifest. Every item is kept: nothing is truncated.
 *
 * <p>Exit codes: 0 published (or nothing to do), 1 the job or the publish failed, 2 usage error.
 */
public class CleanNewsJob extends CleaningJob<CleanNews> {
    public static final String NAME = "clean-news";
    private static final Schema KEY_PROJECTION = SchemaBuilder.record(DatasetSchemas.NEWS.getName())
            .namespace(DatasetSchemas.NEWS.getNamespace()).fields().requiredString("id").endRecord();

    public CleanNewsJob() {
        this(Clock.systemUTC());
    }

    CleanNewsJob(Clock clock) {
        super(
                clock,
                new CleaningSpec(
                        NAME,
                        Dataset.NEWS,
                        DatasetSchemas.NEWS,
                        new CleaningSpec.Keys(
                                CleanNewsConfigKeys.SOURCES,
                                CleanNewsConfigKeys.SOURCES_DEFAULT,
                                CleanNewsConfigKeys.DEDUP_DAYS,
                                CleanNewsConfigKeys.DEDUP_DAYS_DEFAULT,
                                CleanNewsConfigKeys.PARQUET_BLOCK_SIZE,
                                CleanNewsConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT),
                        KEY_PROJECTION,
                        projected -> projected.get("id").toString(),
                        new CleaningSpec.Classes(
                                CleanNewsMapper.class,
                                CleanNewsCombiner.class,
                                CleanNewsReducer.class,
                                CleanNewsWritable.class,
                                CleanNewsWritable.Rows.class),
                        List.of("id", "title", "url", "content", "seq")));
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanNewsJob(), args));
    }
}
