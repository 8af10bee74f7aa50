package org.picu.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.candles.AnalyticsFixtures;
import org.picu.model.avro.DatasetSchemas;

/** The whole job on the local job runner over the fixture news day in fixtures/sentiment. */
class SentimentJobTest {
    private static final String DAY = "20261121";
    private static final Instant NOW = Instant.parse("2026-11-22T00:30:00Z");

    private static Path rootWithNews(String name) throws Exception {
        Path root = LocalHadoop.freshDir(name);
        AnalyticsFixtures.publish(
                LocalHadoop.conf(root),
                root,
                "news",
                DAY,
                DatasetSchemas.NEWS,
                AnalyticsFixtures.jsonLines(
                        DatasetSchemas.NEWS, AnalyticsFixtures.fixture("sentiment/day.news.jsonl")));
        return root;
    }

    @Test
    void scores_every_item_with_the_built_in_lexicon_and_with_an_operator_extension() throws Exception {
        Path root = rootWithNews("sentiment-publish");
        Configuration conf = LocalHadoop.conf(root);
        SentimentJob job = new SentimentJob(Clock.fixed(NOW, ZoneOffset.UTC));

        assertEquals(0, ToolRunner.run(conf, job, new String[] {DAY}));
        Map<String, GenericRecord> rows = rows(conf, root);
        assertEquals(expectedLabels(1), labels(rows));
        GenericRecord a5 = rows.get("a5");
        // "do not approve": approve 0.8 negated, 0.8 x -0.8 = -0.64; the content has no lexicon term.
        assertEquals("[not approve(-0.64)]", a5.get("matched_terms").toString());
        assertEquals(NOW.toEpochMilli(), a5.get("analyzed_at"));
        assertEquals(Instant.parse("2026-11-21T05:00:00Z").toEpochMilli(), a5.get("published_at"));
        assertEquals(Lexicon.builtIn().version(), a5.get("lexicon_version").toString());
        assertEquals(5, AnalyticsFixtures.manifest(root, "news_sentiment", DAY).recordCount());

        conf.set(
                SentimentConfigKeys.LEXICON_EXTRA,
                AnalyticsFixtures.fixture("sentiment/extra-lexicon.tsv").toUri().toString());
        assertEquals(0, ToolRunner.run(conf, job, new String[] {DAY}));
        rows = rows(conf, root);
        assertEquals(expectedLabels(2), labels(rows));
        assertTrue(rows.get("a4").get("lexicon_version").toString().contains("+"), "the version names the extension");
    }

    @Test
    void a_bad_or_missing_extra_lexicon_is_a_usage_error() throws Exception {
        Path root = rootWithNews("sentiment-bad-lexicon");
        Configuration conf = LocalHadoop.conf(root);
        conf.set(
                SentimentConfigKeys.LEXICON_EXTRA,
                AnalyticsFixtures.fixture("sentiment/bad-lexicon.tsv").toUri().toString());
        assertEquals(2, ToolRunner.run(conf, new SentimentJob(), new String[] {DAY}));
        conf.set(SentimentConfigKeys.LEXICON_EXTRA, root.resolve("no-such-file.tsv").toUri().toString());
        assertEquals(2, ToolRunner.run(conf, new SentimentJob(), new String[] {DAY}));
        conf.unset(SentimentConfigKeys.LEXICON_EXTRA);
        conf.set(SentimentConfigKeys.NEUTRAL_BAND, "wide");
        assertEquals(2, ToolRunner.run(conf, new SentimentJob(), new String[] {DAY}));
        assertFalse(Files.exists(root.resolve("cleaned/news_sentiment")));
    }

    private static Map<String, GenericRecord> rows(Configuration conf, Path root) throws Exception {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        for (String f : AnalyticsFixtures.manifest(root, "news_sentiment", DAY).dataFiles()) {
            files.add(new org.apache.hadoop.fs.Path(root.resolve("cleaned/news_sentiment/" + DAY + "/" + f).toUri()));
        }
        Map<String, GenericRecord> rows = new TreeMap<>();
        for (GenericRecord r : LocalHadoop.readParquet(conf, files)) {
            rows.put(r.get("news_id").toString(), r);
        }
        return rows;
    }

    private static Map<String, String> labels(Map<String, GenericRecord> rows) {
        Map<String, String> labels = new TreeMap<>();
        rows.forEach((id, r) -> labels.put(id, r.get("label").toString()));
        return labels;
    }

    private static Map<String, String> expectedLabels(int column) throws Exception {
        Map<String, String> labels = new TreeMap<>();
        for (String line : Files.readAllLines(AnalyticsFixtures.fixture("sentiment/day.expected-labels.tsv"))) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] cols = line.split("\t");
                labels.put(cols[0], cols[column]);
            }
        }
        return labels;
    }
}
