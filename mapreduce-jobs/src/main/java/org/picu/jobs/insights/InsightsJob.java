package org.picu.jobs.insights;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.derived.DerivedDatasetJob;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

/**
 * {@code insights <YYYYMMDD>}: the original's three rules made sane — {@link SentimentShiftRule},
 * {@link VolumeSpikeRule} (hourly candle volume) and {@link TrendReversalRule} (RSI crossing 30/70 with MACD
 * confirmation) — each graded normal / warning / critical from a threshold table in configuration and
 * deduplicated per (type, symbol, window) ({@link InsightDeduplicator}). Reads the day and the day before of
 * {@code candles_1h}, {@code indicators}, {@code news} and {@code news_sentiment}; publishes the insights
 * whose window starts on the day to {@code /cleaned/insights/<day>/}. A re-run replaces the partition, so
 * the same inputs always give the same rows (unlike the original, which appended on every run).
 */
public class InsightsJob extends DerivedDatasetJob {
    public static final String NAME = "insights";
    /**
     * Days before the run's day whose candles, indicators, news and sentiment are read too (a window may start the day
     * before).
     */
    public static final int DAYS_BEFORE = 1;

    public InsightsJob() {
        this(Clock.systemUTC());
    }

    InsightsJob(Clock clock) {
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new InsightsJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset output() {
        return Dataset.INSIGHTS;
    }

    @Override
    protected Schema outputSchema() {
        return DatasetSchemas.INSIGHT;
    }

    @Override
    protected List<String> validate(Configuration conf) {
        try {
            InsightSettings.from(conf);
            return List.of();
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage().split("; "));
        }
    }

    @Override
    protected List<Path> inputs(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        PartitionDate before = new PartitionDate(date.day().minusDays(DAYS_BEFORE));
        List<Path> today = new ArrayList<>();
        for (Dataset d : List.of(Dataset.CANDLES_1H, Dataset.INDICATORS, Dataset.NEWS)) {
            today.addAll(publishedFiles(fs, layout, d, date));
        }
        if (today.isEmpty()) {
            return today;
        }
        List<Path> inputs = new ArrayList<>();
        for (Dataset d : List.of(Dataset.CANDLES_1H, Dataset.INDICATORS, Dataset.NEWS)) {
            inputs.addAll(publishedFiles(fs, layout, d, before));
        }
        inputs.addAll(today);
        return inputs;
    }

    @Override
    protected void configureTasks(Job job, PartitionDate date) throws IOException {
        Configuration conf = job.getConfiguration();
        HdfsLayout layout = new HdfsLayout(conf.get(org.picu.jobs.publish.PublishConfigKeys.ROOT,
                org.picu.jobs.publish.PublishConfigKeys.ROOT_DEFAULT));
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);
        List<String> sentiment = new ArrayList<>();
        for (PartitionDate d : List.of(new PartitionDate(date.day().minusDays(DAYS_BEFORE)), date)) {
            publishedFiles(fs, layout, Dataset.NEWS_SENTIMENT, d).forEach(p -> sentiment.add(p.toString()));
        }
        conf.setStrings(InsightsConfigKeys.SENTIMENT_FILES, sentiment.toArray(String[]::new));
        conf.setLong(InsightsConfigKeys.DAY_START, date.start().toEpochMilli());
        conf.setLong(InsightsConfigKeys.DAY_END, date.end().toEpochMilli());
        conf.setLong(InsightsConfigKeys.CREATED_AT, clock.millis());
        job.setMapperClass(InsightsMapper.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(InsightInput.class);
        job.setReducerClass(InsightsReducer.class);
        job.setNumReduceTasks(1);
    }
}
