package org.picu.tier2.api.market;

import java.util.List;

/** {@code GET /api/fear-greed}: {@code latest} (null while the table is empty) and {@code history}, oldest first. */
public record FearGreedRepresentation(Point latest, List<Point> history) {
    /** One index value at its own time (UTC). */
    public record Point(String timestamp, int value, String classification, String source) {
    }
}
