package org.picu.jobs.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.picu.jobs.candles.Candle;

/**
 * volume_spike on hourly candle volume: the original divided the week's maximum of a rolling 24-hour volume
 * by its mean, which is ≥ 1.5 nearly always. Here {@code value = volume of the hour / mean volume of the
 * trailing hours before it} (default 24 h; hours without a derivable volume are left out, and at least
 * {@code minHours} must remain, with a mean above 0), graded with the severity table. Window: the hour.
 */
public final class VolumeSpikeRule {
    private static final long HOUR = Duration.ofHours(1).toMillis();

    private final SeverityTable table;
    private final int trailingHours;
    private final int minHours;

    public VolumeSpikeRule(SeverityTable table, int trailingHours, int minHours) {
        this.table = table;
        this.trailingHours = trailingHours;
        this.minHours = minHours;
    }

    /** Insights for the candles (of one source and symbol) starting in [dayStart, dayEnd). */
    public List<InsightRow> evaluate(List<Candle> candles, long dayStart, long dayEnd) {
        List<InsightRow> rows = new ArrayList<>();
        for (Candle c : candles) {
            if (c.hourStart() < dayStart || c.hourStart() >= dayEnd || c.volume() == null) {
                continue;
            }
            long from = c.hourStart() - trailingHours * HOUR;
            double[] trailing = candles.stream()
                    .filter(t -> t.hourStart() >= from && t.hourStart() < c.hourStart() && t.volume() != null)
                    .mapToDouble(Candle::volume).toArray();
            if (trailing.length < minHours) {
                continue;
            }
            double mean = java.util.Arrays.stream(trailing).average().orElse(0);
            if (mean <= 0) {
                continue;
            }
            double ratio = c.volume() / mean;
            String severity = table.severity(ratio);
            if (severity == null) {
                continue;
            }
            String description = String.format(Locale.ROOT,
                    "%s traded %.4f in the hour (%s), %.2fx its mean of %.4f over the previous %d hours with volume",
                    c.symbol(), c.volume(), c.source(), ratio, mean, trailing.length);
            rows.add(new InsightRow(InsightRow.VOLUME_SPIKE, c.symbol(), c.hourStart(), c.hourStart() + HOUR, severity,
                    description, SentimentShiftRule.round(ratio), table.thresholdOf(ratio), List.of()));
        }
        return rows;
    }
}
