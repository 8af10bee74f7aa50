package org.picu.jobs.insights;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * sentiment_shift: the original compared the mean sentiment of news mentioning a symbol in the last 6 h with
 * the 6–24 h before, as a percentage of the older mean — which explodes near zero, so it skipped a zero mean.
 * Here the shift is the plain difference of the two means on the −1..1 score scale, {@code value =
 * mean(recent) − mean(past)}, graded by |value| with the severity table. Windows are the day's four aligned
 * 6-hour blocks: for a block ending at e, recent = [e − 6 h, e), past = [e − 24 h, e − 6 h). Both need at
 * least {@code minNews} items, so one stray headline never makes an insight.
 */
public final class SentimentShiftRule {
    static final long WINDOW = Duration.ofHours(6).toMillis();
    static final long PAST = Duration.ofHours(18).toMillis();
    private static final int RELATED = 10;

    private final SeverityTable table;
    private final int minNews;

    public SentimentShiftRule(SeverityTable table, int minNews) {
        this.table = table;
        this.minNews = minNews;
    }

    /** Insights for the windows starting in [dayStart, dayEnd). */
    public List<InsightRow> evaluate(String symbol, List<Mention> mentions, long dayStart, long dayEnd) {
        List<InsightRow> rows = new ArrayList<>();
        for (long start = dayStart; start < dayEnd; start += WINDOW) {
            long end = start + WINDOW;
            List<Mention> recent = between(mentions, start, end);
            List<Mention> past = between(mentions, start - PAST, start);
            if (recent.size() < minNews || past.size() < minNews) {
                continue;
            }
            double recentMean = mean(recent);
            double pastMean = mean(past);
            double shift = recentMean - pastMean;
            String severity = table.severity(Math.abs(shift));
            if (severity == null) {
                continue;
            }
            String description = String.format(Locale.ROOT,
                    "%s news sentiment %s from %+.2f (%d items, 6-24 h before) to %+.2f (%d items, last 6 h)",
                    symbol, shift > 0 ? "rose" : "fell", pastMean, past.size(), recentMean, recent.size());
            List<String> related = recent.stream()
                    .sorted(Comparator.comparingLong(Mention::publishedAt).reversed().thenComparing(Mention::newsId))
                    .limit(RELATED).map(Mention::newsId).toList();
            rows.add(new InsightRow(InsightRow.SENTIMENT_SHIFT, symbol, start, end, severity, description,
                    round(shift), table.thresholdOf(Math.abs(shift)), related));
        }
        return rows;
    }

    private static List<Mention> between(List<Mention> mentions, long from, long to) {
        return mentions.stream().filter(m -> m.publishedAt() >= from && m.publishedAt() < to).toList();
    }

    private static double mean(List<Mention> mentions) {
        return mentions.stream().mapToDouble(Mention::score).average().orElse(0);
    }

    static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
