package org.picu.jobs.indicators;

import java.util.ArrayDeque;

/**
 * Bollinger bands(n, k): {@code middle = mean of the last n closes}, {@code σ = population standard
 * deviation of those closes} (divide by n, as the original did), {@code upper/lower = middle ± k σ}.
 * Undefined before the n-th close. Computed from the window each time: n is 20, and summing 20 numbers is
 * cheaper than worrying about a running sum's rounding drift.
 */
public final class Bollinger {
    /** One step's bands. */
    public record Bands(double upper, double middle, double lower) {
    }

    private final int period;
    private final double width;
    private final ArrayDeque<Double> window = new ArrayDeque<>();

    public Bollinger(int period, double width) {
        if (period < 2) {
            throw new IllegalArgumentException("Bollinger period must be at least 2, got " + period);
        }
        this.period = period;
        this.width = width;
    }

    /** Adds the next close; null while fewer than {@code period} closes were seen. */
    public Bands next(double close) {
        window.addLast(close);
        if (window.size() > period) {
            window.removeFirst();
        }
        if (window.size() < period) {
            return null;
        }
        double mean = 0;
        for (double x : window) {
            mean += x;
        }
        mean /= period;
        double var = 0;
        for (double x : window) {
            var += (x - mean) * (x - mean);
        }
        double sigma = Math.sqrt(var / period);
        return new Bands(mean + width * sigma, mean, mean - width * sigma);
    }
}
