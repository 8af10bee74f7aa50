package org.picu.model;

/**
 * The one Fear &amp; Greed threshold table (the original used two different ones): Extreme Fear ≤ 25,
 * Fear ≤ 45, Neutral ≤ 55, Greed ≤ 75, Extreme Greed above.
 */
public final class FearGreedClassification {
    private FearGreedClassification() {
    }

    /**
     * @param value the index, 0-100
     * @throws IllegalArgumentException outside 0-100
     */
    public static String of(int value) {
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException("Fear & Greed value " + value + " is outside 0-100");
        }
        if (value <= 25) {
            return "Extreme Fear";
        }
        if (value <= 45) {
            return "Fear";
        }
        if (value <= 55) {
            return "Neutral";
        }
        return value <= 75 ? "Greed" : "Extreme Greed";
    }
}
