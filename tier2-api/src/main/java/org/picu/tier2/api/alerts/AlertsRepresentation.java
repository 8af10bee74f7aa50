package org.picu.tier2.api.alerts;

import java.math.BigDecimal;
import java.util.List;

/** {@code GET /api/alerts}: the alerts shown and how many of all evaluated are in each status. */
public record AlertsRepresentation(List<Alert> alerts, Summary summary) {
    /** One rule applied to one symbol; {@code timestamp} is when the value was observed (UTC). */
    public record Alert(String symbol, String metric, String direction, BigDecimal value, BigDecimal warning,
            BigDecimal critical, String status, String timestamp) {
    }

    /** Counts over every evaluated rule, before the {@code status} filter. */
    public record Summary(long normal, long warning, long critical) {
    }

    static AlertsRepresentation of(List<Alert> shown, List<Alert> all) {
        return new AlertsRepresentation(shown, new Summary(count(all, "normal"), count(all, "warning"),
                count(all, "critical")));
    }

    private static long count(List<Alert> alerts, String status) {
        return alerts.stream().filter(a -> a.status().equals(status)).count();
    }
}
