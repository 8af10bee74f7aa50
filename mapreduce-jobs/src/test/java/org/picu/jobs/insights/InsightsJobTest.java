package org.picu.jobs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.candles.AnalyticsFixtures;
import org.picu.jobs.candles.Candle;
import org.picu.model.avro.DatasetSchemas;

/** The whole job on the local job runner over the fixture days in fixtures/insights (see its README). */
class InsightsJobTest {
    private static final String DAY = "20261121";
    private static final String BEFORE = "20261120";
    private static final long H = 3_600_000;
    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");

    @Test
    void publishes_the_three_rules_insights_once_each() throws Exception {
        Path root = LocalHadoop.freshDir("insights-publish");
        Configuration conf = LocalHadoop.conf(root);
        publishCandles(conf, root);
        publishByDay(conf, root, "news", DatasetSchemas.NEWS, "news.jsonl", "published_at");
        publishByDay(
                conf, root, "news_sentiment", DatasetSchemas.NEWS_SENTIMENT, "news_sentiment.jsonl", "published_at");
        AnalyticsFixtures.publish(
                conf,
                root,
                "indicators",
                DAY,
                DatasetSchemas.INDICATOR,
                AnalyticsFixtures.jsonLines(
                        DatasetSchemas.INDICATOR, AnalyticsFixtures.fixture("insights/indicators.jsonl")));
        InsightsJob job = new InsightsJob(Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(0, ToolRunner.run(conf, job, new String[] {DAY}));
        List<String> expected = AnalyticsFixtures.sorted(AnalyticsFixtures.jsonLines(DatasetSchemas.INSIGHT,
                AnalyticsFixtures.fixture("insights/expected-insights.jsonl")));
        assertEquals(expected, AnalyticsFixtures.publishedRows(conf, root, "insights", DAY));

        // Re-running gives the same rows, not a second copy (the original appended on every run).
        assertEquals(0, ToolRunner.run(conf, job, new String[] {DAY}));
        assertEquals(expected, AnalyticsFixtures.publishedRows(conf, root, "insights", DAY));

        conf.set(InsightsConfigKeys.VOLUME_SPIKE_THRESHOLDS, "5,3,2");
        conf.set(InsightsConfigKeys.SENTIMENT_SHIFT_MIN_NEWS, "zero");
        assertEquals(2, ToolRunner.run(conf, job, new String[] {DAY}), "bad thresholds are a usage error");
    }

    private static void publishCandles(Configuration conf, Path root) throws Exception {
        long start = Instant.parse("2026-11-20T00:00:00Z").toEpochMilli();
        List<GenericRecord> before = new ArrayList<>();
        List<GenericRecord> day = new ArrayList<>();
        for (int h = 0; h < 48; h++) {
            List<GenericRecord> target = h < 24 ? before : day;
            long hour = start + h * H;
            target.add(candle("upbit", "BTC", hour, h == 34 ? 35.0 : 10.0));
            target.add(candle("bithumb", "BTC", hour, h == 34 ? 25.0 : 10.0));
            target.add(candle("upbit", "ETH", hour, h == 40 ? null : 10.0));
        }
        AnalyticsFixtures.publish(conf, root, "candles_1h", BEFORE, DatasetSchemas.CANDLE, before);
        AnalyticsFixtures.publish(conf, root, "candles_1h", DAY, DatasetSchemas.CANDLE, day);
    }

    private static GenericRecord candle(String source, String symbol, long hour, Double volume) {
        return new Candle(source, symbol, hour, 1, 1, 1, 1, volume, 2).toAvro();
    }

    private static void publishByDay(
            Configuration conf, Path root, String dataset, Schema schema, String file, String timeField)
            throws Exception {
        List<GenericRecord> rows = AnalyticsFixtures.jsonLines(schema, AnalyticsFixtures.fixture("insights/" + file));
        long dayStart = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
        AnalyticsFixtures.publish(conf, root, dataset, BEFORE, schema,
                rows.stream().filter(r -> (Long) r.get(timeField) < dayStart).toList());
        AnalyticsFixtures.publish(conf, root, dataset, DAY, schema,
                rows.stream().filter(r -> (Long) r.get(timeField) >= dayStart).toList());
    }
}
