package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.Optional;

/**
 * One {@code api.alerts} entry: a metric of one symbol (or of every symbol) compared with a warning and a critical
 * threshold. For {@code above} a value at or over {@code critical} is critical, at or over {@code warning} a
 * warning; {@code below} mirrors that.
 *
 * @param symbol the symbol, upper case; empty for every symbol with data
 */
public record AlertRule(Optional<String> symbol, Metric metric, Direction direction, double warning, double critical) {
    /** What a rule looks at: the latest market row or the latest 1 h indicator row of a symbol. */
    public enum Metric {
        PRICE, CHANGE_24H, RSI, MACD_HISTOGRAM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Metric> parse(String text) {
            for (Metric metric : values()) {
                if (metric.key().equals(text)) {
                    return Optional.of(metric);
                }
            }
            return Optional.empty();
        }
    }

    /** Whether crossing upwards or downwards is the alarm. */
    public enum Direction {
        ABOVE, BELOW;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public AlertRule {
        requireNonNull(symbol, "symbol is null");
        requireNonNull(metric, "metric is null");
        requireNonNull(direction, "direction is null");
        if (direction == Direction.ABOVE ? critical < warning : critical > warning) {
            throw new IllegalArgumentException("critical must be beyond warning in the rule's direction");
        }
    }

    /** {@code normal}, {@code warning} or {@code critical} for a value. */
    public String status(double value) {
        boolean isCritical = direction == Direction.ABOVE ? value >= critical : value <= critical;
        boolean isWarning = direction == Direction.ABOVE ? value >= warning : value <= warning;
        return isCritical ? "critical" : isWarning ? "warning" : "normal";
    }
}
