package org.picu.jobs.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One insight per (type, symbol, window): the original inserted a new row every run. When two candidates
 * share a key (e.g. the same symbol's volume spike seen on two exchanges), the higher severity wins, then
 * the larger |value|, then the description, so the choice does not depend on input order.
 */
public final class InsightDeduplicator {
    private static final Comparator<InsightRow> STRONGER = Comparator
            .comparingInt((InsightRow r) -> SeverityTable.rank(r.severity()))
            .thenComparingDouble(r -> Math.abs(r.value()))
            .thenComparing(InsightRow::description, Comparator.reverseOrder());

    private InsightDeduplicator() {
    }

    /** The strongest insight per key, ordered by window start, then type. */
    public static List<InsightRow> strongest(List<InsightRow> candidates) {
        Map<String, InsightRow> best = new LinkedHashMap<>();
        for (InsightRow r : candidates) {
            best.merge(r.key(), r, (a, b) -> STRONGER.compare(a, b) >= 0 ? a : b);
        }
        List<InsightRow> rows = new ArrayList<>(best.values());
        rows.sort(Comparator.comparingLong(InsightRow::windowStart).thenComparing(InsightRow::type));
        return rows;
    }
}
