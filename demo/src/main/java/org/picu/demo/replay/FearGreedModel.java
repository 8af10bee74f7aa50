package org.picu.demo.replay;

import java.time.LocalDate;

/** The demo's Fear &amp; Greed index: one deterministic value per UTC day, drifting between fear and greed. */
public final class FearGreedModel {
    private final long seed;

    public FearGreedModel(long seed) {
        this.seed = seed;
    }

    /** The index of the day, 5 to 95. */
    public int value(LocalDate day) {
        long d = day.toEpochDay();
        double wave = 50 + 28 * Math.sin(2 * Math.PI * d / 23.0) + 8 * Math.sin(2 * Math.PI * d / 6.0);
        double noise = (Seeded.unit(seed, "fear_greed", d) - 0.5) * 12;
        return (int) Math.max(5, Math.min(95, Math.round(wave + noise)));
    }

    /** alternative.me's classification of a value. */
    public static String classification(int value) {
        return value <= 25 ? "Extreme Fear" : value <= 45 ? "Fear" : value <= 55 ? "Neutral" : value <= 75 ? "Greed"
                : "Extreme Greed";
    }
}
