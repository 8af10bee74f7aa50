package org.picu.jobs.indicators;

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
 * {@code indicators <YYYYMMDD>}: RSI(14), MACD(12, 26, 9) and Bollinger(20, 2σ) per (source, symbol) at
 * the close of every hourly candle of the day, from {@code /cleaned/candles_1h/} of that day and the
 * look-back days before it, published to {@code /cleaned/indicators/<day>/}; one row per symbol and hour.
 *
 * <p>Formulas (closes {@code c_t} of consecutive candles):
 * <ul>
 *   <li>RSI(14) uses <b>Wilder's smoothing</b>, not the original's plain mean: first averages are the simple
 *       means of the first 14 gains and losses, then {@code avg_t = (13 avg_{t-1} + x_t) / 14};
 *       {@code RSI = 100 − 100 / (1 + avgGain / avgLoss)}, 100 when avgLoss = 0, 50 when both are 0.
 *       Null until 15 closes exist.</li>
 *   <li>EMA(n): {@code α = 2 / (n + 1)}, <b>seeded with the simple mean of the first n closes</b>.
 *       {@code MACD = EMA12 − EMA26} (from the 26th close); {@code signal = EMA9 of MACD}, seeded with the
 *       mean of the first 9 MACD values (from the 34th close); {@code histogram = MACD − signal}.</li>
 *   <li>Bollinger: {@code middle = SMA20}, {@code σ} = population standard deviation of the same 20 closes,
 *       {@code upper/lower = middle ± 2σ}. Null until 20 closes exist.</li>
 * </ul>
 * Values are not rounded; rounding is for display. A missing hour is not filled in.
 */
public class IndicatorsJob extends DerivedDatasetJob {
    public static final String NAME = "indicators";

    public IndicatorsJob() {
        this(Clock.systemUTC());
    }

    IndicatorsJob(Clock clock) {
        super(clock);
    }

    public static void main(String[] args) throws Exception {
        System.exit(ToolRunner.run(new IndicatorsJob(), args));
    }

    @Override
    protected String name() {
        return NAME;
    }

    @Override
    protected Dataset output() {
        return Dataset.INDICATORS;
    }

    @Override
    protected Schema outputSchema() {
        return DatasetSchemas.INDICATOR;
    }

    @Override
    protected List<String> validate(Configuration conf) {
        List<String> problems = new ArrayList<>();
        try {
            int days = conf.getInt(IndicatorsConfigKeys.LOOKBACK_DAYS, IndicatorsConfigKeys.LOOKBACK_DAYS_DEFAULT);
            if (days < 0 || days > 60) {
                problems.add(IndicatorsConfigKeys.LOOKBACK_DAYS + " must be between 0 and 60 days, got " + days);
            }
        } catch (NumberFormatException e) {
            problems.add(IndicatorsConfigKeys.LOOKBACK_DAYS + " must be a whole number of days: " + e.getMessage());
        }
        try {
            if (conf.getInt(IndicatorsConfigKeys.REDUCES, IndicatorsConfigKeys.REDUCES_DEFAULT) < 1) {
                problems.add(IndicatorsConfigKeys.REDUCES + " must be at least 1");
            }
        } catch (NumberFormatException e) {
            problems.add(IndicatorsConfigKeys.REDUCES + " must be a whole number: " + e.getMessage());
        }
        return problems;
    }

    @Override
    protected List<Path> inputs(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        List<Path> day = publishedFiles(fs, layout, Dataset.CANDLES_1H, date);
        if (day.isEmpty()) {
            return day;
        }
        List<Path> inputs = new ArrayList<>();
        int lookback = getConf().getInt(IndicatorsConfigKeys.LOOKBACK_DAYS, IndicatorsConfigKeys.LOOKBACK_DAYS_DEFAULT);
        for (int back = lookback; back >= 1; back--) {
            inputs.addAll(publishedFiles(
                    fs, layout, Dataset.CANDLES_1H, new PartitionDate(date.day().minusDays(back))));
        }
        inputs.addAll(day);
        return inputs;
    }

    @Override
    protected void configureTasks(Job job, PartitionDate date) {
        Configuration conf = job.getConfiguration();
        conf.setLong(IndicatorsConfigKeys.DAY_START, date.start().toEpochMilli());
        conf.setLong(IndicatorsConfigKeys.DAY_END, date.end().toEpochMilli());
        job.setMapperClass(IndicatorsMapper.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(CandleWritable.class);
        job.setReducerClass(IndicatorsReducer.class);
        job.setNumReduceTasks(conf.getInt(IndicatorsConfigKeys.REDUCES, IndicatorsConfigKeys.REDUCES_DEFAULT));
    }
}
