package org.picu.jobs.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ToolRunner;
import org.junit.jupiter.api.Test;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.candles.AnalyticsFixtures;
import org.picu.jobs.candles.Candle;
import org.picu.model.avro.DatasetSchemas;

/**
 * The whole job on the local job runner. Candles: 34 flat closes of 100 from 2026-11-19T14:00 to
 * 2026-11-20T23:00 (two look-back partitions), then 126 at 2026-11-21T00:00 and 113 at 01:00 (the run's day).
 * The expected values are worked out by hand in the comments.
 */
class IndicatorsJobTest {
    private static final double EPS = 1e-6;
    private static final long HOUR = 3_600_000;
    private static final long FIRST = Instant.parse("2026-11-19T14:00:00Z").toEpochMilli();

    @Test
    void computes_the_days_rows_from_the_look_back_candles() throws Exception {
        Path root = LocalHadoop.freshDir("indicators-publish");
        Configuration conf = LocalHadoop.conf(root);
        List<GenericRecord> d19 = new ArrayList<>();
        List<GenericRecord> d20 = new ArrayList<>();
        List<GenericRecord> d21 = new ArrayList<>();
        for (int i = 0; i < 34; i++) {
            (i < 10 ? d19 : d20).add(candle(FIRST + i * HOUR, 100));
        }
        d21.add(candle(FIRST + 34 * HOUR, 126));
        d21.add(candle(FIRST + 35 * HOUR, 113));
        AnalyticsFixtures.publish(conf, root, "candles_1h", "20261119", DatasetSchemas.CANDLE, d19);
        AnalyticsFixtures.publish(conf, root, "candles_1h", "20261120", DatasetSchemas.CANDLE, d20);
        AnalyticsFixtures.publish(conf, root, "candles_1h", "20261121", DatasetSchemas.CANDLE, d21);

        assertEquals(0, ToolRunner.run(conf, new IndicatorsJob(), new String[] {"20261121"}));

        assertEquals(
                2,
                AnalyticsFixtures.manifest(root, "indicators", "20261121").recordCount(),
                "one row per symbol and hour");
        List<IndicatorRow> rows = rows(conf, root);
        IndicatorRow midnight = rows.get(0);
        assertEquals(Instant.parse("2026-11-21T00:00:00Z").toEpochMilli(), midnight.timestamp());
        // RSI: 33 zero changes, then +26: avgGain = (0 * 13 + 26) / 14 = 1.857143, avgLoss = 0 -> 100
        assertEquals(100.0, midnight.rsi14(), EPS);
        // MACD: EMA12 = 100 + 2/13 * 26 = 104; EMA26 = 100 + 2/27 * 26 = 101.925926 -> 2.074074;
        // signal = 0.2 * 2.074074 = 0.414815 (seeded by nine zero MACD values); histogram 1.659259
        assertEquals(2.074074, midnight.macd(), EPS);
        assertEquals(0.414815, midnight.macdSignal(), EPS);
        assertEquals(1.659259, midnight.macdHistogram(), EPS);
        // Bollinger: 19 x 100 and 126 -> mean 101.3; variance (19 * 1.3^2 + 24.7^2) / 20 = 642.2 / 20 = 32.11;
        // sigma 5.666569 -> 112.633137 / 89.966863
        assertEquals(101.3, midnight.bbMiddle(), EPS);
        assertEquals(112.633137, midnight.bbUpper(), EPS);
        assertEquals(89.966863, midnight.bbLower(), EPS);
        assertEquals(7.0, midnight.volume(), EPS);

        IndicatorRow one = rows.get(1);
        // RSI: change -13: avgGain = 26/14 * 13/14 = 338/196, avgLoss = 13/14 = 182/196; RS = 338/182 = 13/7;
        // RSI = 100 - 100 / (20/7) = 65
        assertEquals(65.0, one.rsi14(), EPS);
        // EMA12 = 104 + 2/13 * 9 = 105.384615; EMA26 = 101.925926 + 2/27 * 11.074074 = 102.746228 -> 2.638388;
        // signal = 0.414815 + 0.2 * (2.638388 - 0.414815) = 0.859529; histogram 1.778858
        assertEquals(2.638388, one.macd(), EPS);
        assertEquals(0.859529, one.macdSignal(), EPS);
        assertEquals(1.778858, one.macdHistogram(), EPS);
        // Bollinger: 18 x 100, 126, 113 -> mean 101.95; variance (18 * 1.95^2 + 24.05^2 + 11.05^2) / 20 = 38.4475;
        // sigma 6.200605 -> 114.351210 / 89.548790
        assertEquals(114.351210, one.bbUpper(), EPS);
        assertEquals(89.548790, one.bbLower(), EPS);
    }

    @Test
    void without_look_back_the_indicators_are_null_until_enough_candles_exist() throws Exception {
        Path root = LocalHadoop.freshDir("indicators-no-lookback");
        Configuration conf = LocalHadoop.conf(root);
        AnalyticsFixtures.publish(conf, root, "candles_1h", "20261121", DatasetSchemas.CANDLE,
                List.of(candle(FIRST + 34 * HOUR, 126), candle(FIRST + 35 * HOUR, 113)));
        conf.setInt(IndicatorsConfigKeys.LOOKBACK_DAYS, 0);

        assertEquals(0, ToolRunner.run(conf, new IndicatorsJob(), new String[] {"20261121"}));
        List<IndicatorRow> rows = rows(conf, root);
        assertEquals(2, rows.size());
        assertNull(rows.get(1).rsi14());
        assertNull(rows.get(1).macd());
        assertNull(rows.get(1).bbMiddle());

        conf.setInt(IndicatorsConfigKeys.LOOKBACK_DAYS, -1);
        assertEquals(
                2,
                ToolRunner.run(conf, new IndicatorsJob(), new String[] {"20261121"}),
                "bad configuration is a usage error");
        conf.set(IndicatorsConfigKeys.LOOKBACK_DAYS, "ten");
        assertEquals(
                2,
                ToolRunner.run(conf, new IndicatorsJob(), new String[] {"20261121"}),
                "a non-number is a usage error, not a crash");
    }

    private static List<IndicatorRow> rows(Configuration conf, Path root) throws Exception {
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        for (String f : AnalyticsFixtures.manifest(root, "indicators", "20261121").dataFiles()) {
            files.add(new org.apache.hadoop.fs.Path(root.resolve("cleaned/indicators/20261121/" + f).toUri()));
        }
        List<IndicatorRow> rows = new ArrayList<>(LocalHadoop.readParquet(conf, files).stream()
                .map(IndicatorRow::fromAvro)
                .toList());
        rows.sort(java.util.Comparator.comparingLong(IndicatorRow::timestamp));
        return rows;
    }

    private static GenericRecord candle(long hour, double close) {
        return new Candle("upbit", "BTC", hour, close, close, close, close, 7.0, 3).toAvro();
    }
}
