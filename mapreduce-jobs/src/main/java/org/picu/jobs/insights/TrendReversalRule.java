package org.picu.jobs.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.picu.jobs.indicators.IndicatorRow;

/**
 * trend_reversal: the original raised an insight for any row with an extreme RSI, every run. Here it takes a
 * crossing confirmed by MACD, at the candle where it happens:
 * <ul>
 *   <li>upward: RSI rises through 30 (previous &lt; 30 ≤ current) while MACD is above its signal line;</li>
 *   <li>downward: RSI falls through 70 (previous &gt; 70 ≥ current) while MACD is below its signal line.</li>
 * </ul>
 * {@code value} is the RSI after the crossing and {@code threshold} the level crossed (30 or 70); the
 * severity grades how deep the RSI had gone beyond the level in the preceding {@value #DEPTH_ROWS} candles
 * ({@code 30 − min RSI}, or {@code max RSI − 70}) with the severity table. Window: the crossing candle's hour.
 */
public final class TrendReversalRule {
    static final int DEPTH_ROWS = 6;
    private static final double OVERSOLD = 30;
    private static final double OVERBOUGHT = 70;
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final SeverityTable table;

    public TrendReversalRule(SeverityTable table) {
        this.table = table;
    }

    /** Insights for indicator rows (of one source and symbol, in time order) starting in [dayStart, dayEnd). */
    public List<InsightRow> evaluate(List<IndicatorRow> rows, long dayStart, long dayEnd) {
        List<InsightRow> insights = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            IndicatorRow prev = rows.get(i - 1);
            IndicatorRow cur = rows.get(i);
            if (cur.timestamp() < dayStart || cur.timestamp() >= dayEnd || prev.rsi14() == null || cur.rsi14() == null
                    || cur.macd() == null || cur.macdSignal() == null) {
                continue;
            }
            boolean up = prev.rsi14() < OVERSOLD && cur.rsi14() >= OVERSOLD && cur.macd() > cur.macdSignal();
            boolean down = prev.rsi14() > OVERBOUGHT && cur.rsi14() <= OVERBOUGHT && cur.macd() < cur.macdSignal();
            if (!up && !down) {
                continue;
            }
            double depth = up ? OVERSOLD - extreme(rows, i, true) : extreme(rows, i, false) - OVERBOUGHT;
            String severity = table.severity(depth);
            if (severity == null) {
                continue;
            }
            String description = String.format(Locale.ROOT,
                    "%s RSI crossed %s %.0f (%.1f -> %.1f, extreme %.1f) with MACD %s its signal: possible %s reversal",
                    cur.symbol(), up ? "above" : "below", up ? OVERSOLD : OVERBOUGHT, prev.rsi14(), cur.rsi14(),
                    up ? OVERSOLD - depth : OVERBOUGHT + depth, up ? "above" : "below", up ? "upward" : "downward");
            insights.add(new InsightRow(
                    InsightRow.TREND_REVERSAL,
                    cur.symbol(),
                    cur.timestamp(),
                    cur.timestamp() + HOUR,
                    severity,
                    description,
                    SentimentShiftRule.round(cur.rsi14()),
                    up ? OVERSOLD : OVERBOUGHT,
                    List.of()));
        }
        return insights;
    }

    /** The lowest (or highest) RSI of the rows before index i, looking back at most DEPTH_ROWS rows. */
    private static double extreme(List<IndicatorRow> rows, int i, boolean lowest) {
        double extreme = lowest ? Double.MAX_VALUE : -Double.MAX_VALUE;
        for (int j = Math.max(0, i - DEPTH_ROWS); j < i; j++) {
            Double rsi = rows.get(j).rsi14();
            if (rsi != null) {
                extreme = lowest ? Math.min(extreme, rsi) : Math.max(extreme, rsi);
            }
        }
        return extreme;
    }
}
