package org.picu.jobs.insights;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/** The insight rules as configured, parsed and validated once; every problem is reported at once. */
public record InsightSettings(SymbolMatcher symbols, SentimentShiftRule sentimentShift, VolumeSpikeRule volumeSpike,
                              TrendReversalRule trendReversal) {

    /** @throws IllegalArgumentException listing every bad key with the reason */
    public static InsightSettings from(Configuration conf) {
        List<String> problems = new ArrayList<>();
        SymbolMatcher symbols = attempt(
                problems,
                InsightsConfigKeys.SYMBOL_ALIASES,
                () -> SymbolMatcher.parse(
                        conf.get(InsightsConfigKeys.SYMBOL_ALIASES, InsightsConfigKeys.SYMBOL_ALIASES_DEFAULT)));
        SeverityTable shift = table(conf, problems, InsightsConfigKeys.SENTIMENT_SHIFT_THRESHOLDS,
                InsightsConfigKeys.SENTIMENT_SHIFT_THRESHOLDS_DEFAULT);
        SeverityTable volume = table(conf, problems, InsightsConfigKeys.VOLUME_SPIKE_THRESHOLDS,
                InsightsConfigKeys.VOLUME_SPIKE_THRESHOLDS_DEFAULT);
        SeverityTable reversal = table(conf, problems, InsightsConfigKeys.TREND_REVERSAL_THRESHOLDS,
                InsightsConfigKeys.TREND_REVERSAL_THRESHOLDS_DEFAULT);
        int minNews = positive(
                conf,
                problems,
                InsightsConfigKeys.SENTIMENT_SHIFT_MIN_NEWS,
                InsightsConfigKeys.SENTIMENT_SHIFT_MIN_NEWS_DEFAULT);
        int trailing = positive(conf, problems, InsightsConfigKeys.VOLUME_SPIKE_TRAILING_HOURS,
                InsightsConfigKeys.VOLUME_SPIKE_TRAILING_HOURS_DEFAULT);
        int minHours = positive(
                conf,
                problems,
                InsightsConfigKeys.VOLUME_SPIKE_MIN_HOURS,
                InsightsConfigKeys.VOLUME_SPIKE_MIN_HOURS_DEFAULT);
        if (trailing > 24) {
            problems.add(InsightsConfigKeys.VOLUME_SPIKE_TRAILING_HOURS
                    + " must be at most 24 (the job reads one day back), got " + trailing);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new InsightSettings(
                symbols,
                new SentimentShiftRule(shift, minNews),
                new VolumeSpikeRule(volume, trailing, minHours),
                new TrendReversalRule(reversal));
    }

    private static SeverityTable table(Configuration conf, List<String> problems, String key, String defaultValue) {
        return attempt(problems, key, () -> SeverityTable.parse(conf.get(key, defaultValue)));
    }

    private static int positive(Configuration conf, List<String> problems, String key, int defaultValue) {
        Integer parsed = attempt(problems, key, () -> conf.getInt(key, defaultValue));
        int value = parsed == null ? defaultValue : parsed;
        if (parsed != null && value < 1) {
            problems.add(key + " must be at least 1, got " + value);
        }
        return value;
    }

    private static <T> T attempt(List<String> problems, String key, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            problems.add(key + ": " + e.getMessage());
            return null;
        }
    }
}
