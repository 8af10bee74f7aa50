package org.picu.jobs.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.indicators.IndicatorRow;

/** Each insight rule, the severity table and the deduplication on hand-made series. */
class InsightRulesTest {
    private static final long H = 3_600_000;
    private static final long DAY = 100 * 24 * H;          // any UTC midnight
    private static final long END = DAY + 24 * H;

    @Test
    void the_severity_table_grades_and_rejects_bad_thresholds() {
        SeverityTable t = SeverityTable.parse("2, 3,5");
        assertNull(t.severity(1.99));
        assertEquals("normal", t.severity(2));
        assertEquals("warning", t.severity(4.9));
        assertEquals("critical", t.severity(5));
        assertEquals(3.0, t.thresholdOf(4.9));
        assertThrows(IllegalArgumentException.class, () -> SeverityTable.parse("3,2,5"));
        assertThrows(IllegalArgumentException.class, () -> SeverityTable.parse("1,2"));
        assertThrows(IllegalArgumentException.class, () -> SeverityTable.parse("a,b,c"));
    }

    @Test
    void sentiment_shift_is_the_difference_of_the_recent_and_past_means() {
        SentimentShiftRule rule = new SentimentShiftRule(SeverityTable.parse("0.3,0.45,0.6"), 2);
        List<Mention> mentions = List.of(
                new Mention("p1", DAY - 4 * H, -0.2),
                new Mention("p2", DAY + H, 0.1),
                new Mention("p3", DAY + 3 * H, -0.2),
                new Mention("r1", DAY + 7 * H, 0.3),
                new Mention("r2", DAY + 9 * H, 0.4));
        List<InsightRow> rows = rule.evaluate("BTC", mentions, DAY, END);
        // Block 06-12: recent r1, r2 -> mean 0.35; past [-12 h, 06) p1..p3 -> mean -0.1; shift 0.45 -> warning.
        // Block 00-06: recent p2, p3 but only p1 before it: fewer than 2, no insight.
        assertEquals(1, rows.size());
        InsightRow r = rows.get(0);
        assertEquals(DAY + 6 * H, r.windowStart());
        assertEquals(DAY + 12 * H, r.windowEnd());
        assertEquals(0.45, r.value());
        assertEquals("warning", r.severity());
        assertEquals(0.45, r.threshold());
        assertEquals(List.of("r2", "r1"), r.relatedNews(), "newest first");
        assertTrue(r.description().startsWith("BTC news sentiment rose from -0.10 (3 items"), r.description());
    }

    @Test
    void sentiment_shift_needs_enough_news_and_works_across_a_zero_mean() {
        SentimentShiftRule rule = new SentimentShiftRule(SeverityTable.parse("0.3,0.45,0.6"), 2);
        // The original skipped a zero past mean (percent change); a plain difference has no such hole.
        List<Mention> mentions = List.of(new Mention("a", DAY + H, 0.5), new Mention("b", DAY + 2 * H, -0.5),
                new Mention("c", DAY + 7 * H, -0.4), new Mention("d", DAY + 8 * H, -0.6));
        List<InsightRow> rows = rule.evaluate("ETH", mentions, DAY, END);
        assertEquals(1, rows.size());
        assertEquals(-0.5, rows.get(0).value());
        assertEquals("warning", rows.get(0).severity());
        assertEquals(
                List.of(),
                new SentimentShiftRule(SeverityTable.parse("0.3,0.45,0.6"), 3).evaluate("ETH", mentions, DAY, END));
    }

    /** Regression for the original's volume_spike: max/mean of a rolling 24 h volume fired on a steady market. */
    @Test
    void volume_spike_compares_the_hour_with_the_trailing_hourly_mean() {
        VolumeSpikeRule rule = new VolumeSpikeRule(SeverityTable.parse("2,3,5"), 24, 6);
        List<Candle> candles = new ArrayList<>();
        for (long h = -24; h < 24; h++) {
            Double volume = 10.0;
            if (h == 10) {
                volume = 35.0;
            } else if (h == 5) {
                volume = null;
            }
            candles.add(new Candle("upbit", "BTC", DAY + h * H, 1, 1, 1, 1, volume, 3));
        }
        List<InsightRow> rows = rule.evaluate(candles, DAY, END);
        assertEquals(1, rows.size(), "a steady market gives nothing; only the 10:00 hour stands out");
        InsightRow r = rows.get(0);
        assertEquals(DAY + 10 * H, r.windowStart());
        // trailing 24 h: 23 hours of 10 (05:00 has no volume and is left out) -> mean 10; 35 / 10 = 3.5
        assertEquals(3.5, r.value());
        assertEquals("warning", r.severity());
        assertEquals(3.0, r.threshold());
        // the next hour: (22 x 10 + 35) / 23 = 11.087, 10 / 11.087 < 2: nothing

        List<Candle> young = candles.subList(24, 34);   // only the day's first ten hours: 09:00 has 9 trailing hours
        assertEquals(List.of(), new VolumeSpikeRule(SeverityTable.parse("2,3,5"), 24, 12).evaluate(young, DAY, END));
    }

    private static IndicatorRow rsi(long hour, double rsi, double macd, double signal) {
        return new IndicatorRow(
                "upbit", "BTC", "1h", DAY + hour * H, 1, rsi, macd, signal, macd - signal, null, null, null, null);
    }

    @Test
    void trend_reversal_needs_an_rsi_crossing_confirmed_by_macd() {
        TrendReversalRule rule = new TrendReversalRule(SeverityTable.parse("0,5,10"));
        List<IndicatorRow> rows = List.of(
                rsi(4, 40, -1, -0.5),
                rsi(5, 25, -1, -0.5),
                rsi(6, 28, -0.6, -0.5),
                rsi(7, 33, 0.2, 0.1), // up, confirmed
                rsi(11, 75, 0.5, 0.4),
                rsi(12, 69, 0.5, 0.4), // down, MACD disagrees
                rsi(13, 78, 0.5, 0.4),
                rsi(14, 69, 0.3, 0.4)); // down, confirmed
        List<InsightRow> insights = rule.evaluate(rows, DAY, END);
        assertEquals(2, insights.size());
        InsightRow up = insights.get(0);
        assertEquals(DAY + 7 * H, up.windowStart());
        assertEquals(33.0, up.value());
        assertEquals(30.0, up.threshold());
        assertEquals("warning", up.severity(), "the RSI had gone down to 25: 5 points beyond 30");
        InsightRow down = insights.get(1);
        assertEquals(DAY + 14 * H, down.windowStart());
        assertEquals(70.0, down.threshold());
        assertEquals("warning", down.severity(), "max RSI in the 6 rows before: 78, 8 beyond 70");
        assertTrue(down.description().contains("possible downward reversal"), down.description());
    }

    @Test
    void an_extreme_rsi_alone_is_no_reversal() {
        // The original flagged every row with RSI < 30 or > 70.
        TrendReversalRule rule = new TrendReversalRule(SeverityTable.parse("0,5,10"));
        assertEquals(
                List.of(), rule.evaluate(List.of(rsi(1, 20, 1, 0), rsi(2, 22, 1, 0), rsi(3, 80, -1, 0)), DAY, END));
    }

    @Test
    void deduplication_keeps_the_strongest_insight_per_type_symbol_and_window() {
        InsightRow weak = new InsightRow("volume_spike", "BTC", DAY, DAY + H, "normal", "bithumb", 2.5, 2, List.of());
        InsightRow strong = new InsightRow("volume_spike", "BTC", DAY, DAY + H, "warning", "upbit", 3.5, 3, List.of());
        InsightRow other = new InsightRow("trend_reversal", "BTC", DAY, DAY + H, "normal", "x", 31, 30, List.of());
        assertEquals(List.of(other, strong), InsightDeduplicator.strongest(List.of(weak, strong, other)));
        assertEquals(List.of(other, strong), InsightDeduplicator.strongest(List.of(other, strong, weak)));
    }

    @Test
    void symbols_are_found_in_keywords_and_titles_in_both_languages() {
        SymbolMatcher m = SymbolMatcher.parse(InsightsConfigKeys.SYMBOL_ALIASES_DEFAULT);
        assertEquals(java.util.Set.of("BTC"), m.symbols(List.of("btc"), "Markets wrap"));
        assertEquals(java.util.Set.of("BTC", "ETH"), m.symbols(List.of(), "Bitcoin and Ether rally"));
        assertEquals(java.util.Set.of("ETH"), m.symbols(List.of(), "이더리움이 급등했다"));
        assertEquals(java.util.Set.of(), m.symbols(List.of(), "Fed minutes due today"));
        assertThrows(IllegalArgumentException.class, () -> SymbolMatcher.parse("B!:x"));
    }
}
