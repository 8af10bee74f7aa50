package org.picu.jobs.clean.news;

import java.time.Clock;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.util.StringUtils;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.clean.CleaningJob;
import org.picu.jobs.clean.RecordWritable;
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
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new CleanNewsJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset dataset() {
        return Dataset.NEWS;
    }

    @Override
    protected String[] sources(Configuration conf) {
        // The default is a comma-separated list, so it is split like a configured value.
        return StringUtils.getTrimmedStrings(conf.get(CleanNewsConfigKeys.SOURCES, CleanNewsConfigKeys.SOURCES_DEFAULT));
    }

    @Override
    protected int dedupDays(Configuration conf) {
        return conf.getInt(CleanNewsConfigKeys.DEDUP_DAYS, CleanNewsConfigKeys.DEDUP_DAYS_DEFAULT);
    }

    @Override
    protected int parquetBlockSize(Configuration conf) {
        return conf.getInt(CleanNewsConfigKeys.PARQUET_BLOCK_SIZE, CleanNewsConfigKeys.PARQUET_BLOCK_SIZE_DEFAULT);
    }

    @Override
    protected Schema schema() {
        return DatasetSchemas.NEWS;
    }

    @Override
    protected Schema keyProjection() {
        return KEY_PROJECTION;
    }

    @Override
    protected String publishedKey(GenericRecord projected) {
        return projected.get("id").toString();
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Mapper> mapperClass() {
        return CleanNewsMapper.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Reducer> combinerClass() {
        return CleanNewsCombiner.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends Reducer> reducerClass() {
        return CleanNewsReducer.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected Class<? extends RecordWritable> writableClass() {
        return CleanNewsWritable.class;
    }
}
