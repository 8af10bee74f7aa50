package org.picu.jobs.indicators;

/**
 * Exponential moving average with smoothing {@code α = 2 / (n + 1)}, seeded with the simple mean of the
 * first n values: {@code EMA_n = mean(x_1..x_n)}, then {@code EMA_t = EMA_{t-1} + α (x_t − EMA_{t-1})}.
 * Undefined (null) before the n-th value. (The original used pandas {@code ewm(adjust=True)} from the
 * first value, which weights the first prices differently; the SMA seed is the textbook definition.)
 */
public final class Ema {
    private final int period;
    private final double alpha;
    private int count;
    private double sum;
    private double value;

    public Ema(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("EMA period must be at least 1, got " + period);
        }
        this.period = period;
        this.alpha = 2.0 / (period + 1);
    }

    /** Adds the next value; returns the EMA after it, or null while fewer than {@code period} values were seen. */
    public Double next(double x) {
        count++;
        if (count < period) {
            sum += x;
            return null;
        }
        if (count == period) {
            value = (sum + x) / period;
        } else {
            value += alpha * (x - value);
        }
        return value;
    }
}
