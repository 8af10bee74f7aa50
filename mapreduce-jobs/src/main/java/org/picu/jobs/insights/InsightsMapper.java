package org.picu.jobs.insights;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.derived.AnalyticsCounters;
import org.picu.jobs.derived.DerivedDatasetJob;
import org.picu.jobs.indicators.IndicatorRow;

/**
 * Keys candles, indicator rows and news mentions by symbol. News is joined to its sentiment here, map-side:
 * the news_sentiment rows of the two days read (a few thousand small rows) are loaded into memory in setup.
 */
public class InsightsMapper extends Mapper<Void, GenericRecord, Text, InsightInput> {
    /** Counter group for news that cannot feed sentiment_shift; these are not errors. */
    public static final String NEWS_COUNTERS = "PICU insights news";

    private final Text key = new Text();
    private final InsightInput value = new InsightInput();
    private SymbolMatcher symbols;
    private Map<String, Double> scores;

    @Override
    protected void setup(Context context) throws IOException {
        Configuration conf = context.getConfiguration();
        symbols = InsightSettings.from(conf).symbols();
        scores = loadScores(conf, conf.getTrimmedStrings(InsightsConfigKeys.SENTIMENT_FILES));
    }

    static Map<String, Double> loadScores(Configuration conf, String[] files) throws IOException {
        Map<String, Double> scores = new HashMap<>();
        for (String file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader.<GenericRecord>builder(
                    HadoopInputFile.fromPath(new Path(file), conf)).withConf(conf).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    scores.put(r.get("news_id").toString(), (Double) r.get("score"));
                }
            }
        }
        return scores;
    }

    @Override
    protected void map(Void ignored, GenericRecord row, Context context) throws IOException, InterruptedException {
        context.getCounter(AnalyticsCounters.RECORDS_READ).increment(1);
        switch (row.getSchema().getName()) {
            case "Candle" -> {
                Candle c = Candle.fromAvro(row);
                emit(context, c.symbol(), value.candle(c));
            }
            case "Indicator" -> {
                IndicatorRow r = IndicatorRow.fromAvro(row);
                emit(context, r.symbol(), value.indicator(r));
            }
            case "NewsArticle" -> {
                Set<String> mentioned = new java.util.TreeSet<>();
                List<Mention> found = new ArrayList<>();
                String outcome = mention(row, symbols, scores, mentioned, found);
                if (outcome != null) {
                    context.getCounter(NEWS_COUNTERS, outcome).increment(1);
                    return;
                }
                for (String symbol : mentioned) {
                    emit(context, symbol, value.mention(found.get(0)));
                }
            }
            default -> DerivedDatasetJob.skip(context, "unknown_schema");
        }
    }

    private void emit(Context context, String symbol, InsightInput v) throws IOException, InterruptedException {
        key.set(symbol);
        context.write(key, v);
    }

    /**
     * The mention a news row makes, added to {@code out}, and the symbols it mentions, added to {@code mentioned}.
     *
     * @return null when it mentions a symbol and can be used, else why not ({@code no_symbol}, {@code no_published_at},
     *     {@code no_sentiment})
     */
    static String mention(GenericRecord news, SymbolMatcher symbols, Map<String, Double> scores, Set<String> mentioned,
                          List<Mention> out) {
        mentioned.addAll(symbols.symbols(keywords(news), news.get("title").toString()));
        if (mentioned.isEmpty()) {
            return "no_symbol";
        }
        Object published = news.get("published_at");
        if (!(published instanceof Long at)) {
            return "no_published_at";
        }
        Double score = scores.get(news.get("id").toString());
        if (score == null) {
            return "no_sentiment";
        }
        out.add(new Mention(news.get("id").toString(), at, score));
        return null;
    }

    private static List<String> keywords(GenericRecord news) {
        List<String> keywords = new ArrayList<>();
        Object value = news.get("keywords");
        if (value instanceof Iterable<?> items) {
            items.forEach(k -> keywords.add(k.toString()));
        }
        return keywords;
    }
}
