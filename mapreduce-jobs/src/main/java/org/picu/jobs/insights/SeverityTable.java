package org.picu.jobs.insights;

import java.util.Locale;

/**
 * The thresholds at which a measured value becomes a {@code normal}, {@code warning} or {@code critical}
 * insight, written in configuration as {@code normal,warning,critical} (e.g. {@code 2,3,5}). Below the
 * normal threshold there is no insight at all.
 */
public record SeverityTable(double normal, double warning, double critical) {
    public static final String NORMAL = "normal";
    public static final String WARNING = "warning";
    public static final String CRITICAL = "critical";

    public SeverityTable {
        if (!(normal <= warning && warning <= critical) || normal < 0) {
            throw new IllegalArgumentException(
                    "thresholds must be non-negative and ordered normal <= warning <= critical, got " + normal + ", "
                            + warning + ", " + critical);
        }
    }

    /**
     * Parses {@code normal,warning,critical}.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static SeverityTable parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "'" + text + "' must be three numbers normal,warning,critical, e.g. 2,3,5");
        }
        try {
            return new SeverityTable(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' must be three numbers normal,warning,critical, e.g. 2,3,5");
        }
    }

    /** The severity of a value, or null when it is below the normal threshold. */
    public String severity(double value) {
        return value >= critical ? CRITICAL : value >= warning ? WARNING : value >= normal ? NORMAL : null;
    }

    /** The threshold the value crossed (the one of its severity). */
    public double thresholdOf(double value) {
        return value >= critical ? critical : value >= warning ? warning : normal;
    }

    /** Rank for comparing severities: critical 3, warning 2, normal 1. */
    public static int rank(String severity) {
        return switch (severity) {
            case CRITICAL -> 3;
            case WARNING -> 2;
            case NORMAL -> 1;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s,%s,%s", normal, warning, critical);
    }
}
