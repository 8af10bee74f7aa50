package org.picu.jobs.sentiment;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.derived.DerivedDatasetJob;
import org.picu.model.avro.DatasetSchemas;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;

/**
 * {@code sentiment <YYYYMMDD>}: scores every item of {@code /cleaned/news/<day>/} with the lexicon scorer
 * ({@link SentimentScorer}; Korean and English) and publishes {@code /cleaned/news_sentiment/<day>/}, one row
 * per news item with score, label, confidence, matched terms and the lexicon version. A map-only job.
 */
public class SentimentJob extends DerivedDatasetJob {
    public static final String NAME = "sentiment";

    public SentimentJob() {
        this(Clock.systemUTC());
    }

    SentimentJob(Clock clock) {
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new SentimentJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset output() {
        return Dataset.NEWS_SENTIMENT;
    }

    @Override
    protected Schema outputSchema() {
        return DatasetSchemas.NEWS_SENTIMENT;
    }

    @Override
    protected List<String> validate(Configuration conf) {
        try {
            LexiconLoader.load(conf);
            float band = conf.getFloat(SentimentConfigKeys.NEUTRAL_BAND, SentimentConfigKeys.NEUTRAL_BAND_DEFAULT);
            int chars = conf.getInt(SentimentConfigKeys.CONTENT_CHARS, SentimentConfigKeys.CONTENT_CHARS_DEFAULT);
            List<String> problems = new java.util.ArrayList<>();
            if (band < 0 || band >= 1) {
                problems.add(SentimentConfigKeys.NEUTRAL_BAND + " must be in [0, 1), got " + band);
            }
            if (chars < 0) {
                problems.add(SentimentConfigKeys.CONTENT_CHARS + " must not be negative, got " + chars);
            }
            return problems;
        } catch (NumberFormatException e) {
            return List.of(SentimentConfigKeys.NEUTRAL_BAND + " and " + SentimentConfigKeys.CONTENT_CHARS
                    + " must be numbers: " + e.getMessage());
        } catch (IOException e) {
            return List.of(SentimentConfigKeys.LEXICON_EXTRA + ": cannot read "
                    + conf.get(SentimentConfigKeys.LEXICON_EXTRA) + " (" + e.getMessage() + ")");
        } catch (Lexicon.InvalidLexiconException e) {
            return List.of(SentimentConfigKeys.LEXICON_EXTRA + ": " + e.getMessage());
        }
    }

    @Override
    protected List<Path> inputs(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        return publishedFiles(fs, layout, Dataset.NEWS, date);
    }

    @Override
    protected void configureTasks(Job job, PartitionDate date) {
        job.getConfiguration().setLong(SentimentConfigKeys.ANALYZED_AT, clock.millis());
        job.setMapperClass(SentimentMapper.class);
        job.setNumReduceTasks(0);
    }
}
