package org.picu.jobs.indicators;

/**
 * Relative strength index with Wilder's smoothing (not the original's plain mean of the last n changes).
 * With change {@code d_t = close_t − close_{t-1}}, gain {@code max(d, 0)} and loss {@code max(−d, 0)}:
 * the first averages are the simple means of the first n gains and losses (needs n + 1 closes); after that
 * {@code avg_t = (avg_{t-1} (n − 1) + current) / n}. {@code RSI = 100 − 100 / (1 + avgGain / avgLoss)};
 * 100 when avgLoss is 0 (and 50 when both are 0: a flat series is neither bought nor sold).
 */
public final class WilderRsi {
    private final int period;
    private Double previousClose;
    private int changes;
    private double avgGain;
    private double avgLoss;

    public WilderRsi(int period) {
        if (period < 1) {
            throw new IllegalArgumentException("RSI period must be at least 1, got " + period);
        }
        this.period = period;
    }

    /** Adds the next close; returns the RSI after it, or null while fewer than {@code period + 1} closes were seen. */
    public Double next(double close) {
        if (previousClose == null) {
            previousClose = close;
            return null;
        }
        double change = close - previousClose;
        previousClose = close;
        double gain = Math.max(change, 0);
        double loss = Math.max(-change, 0);
        changes++;
        if (changes <= period) {
            avgGain += gain / period;
            avgLoss += loss / period;
            if (changes < period) {
                return null;
            }
        } else {
            avgGain = (avgGain * (period - 1) + gain) / period;
            avgLoss = (avgLoss * (period - 1) + loss) / period;
        }
        if (avgLoss == 0) {
            return avgGain == 0 ? 50.0 : 100.0;
        }
        return 100 - 100 / (1 + avgGain / avgLoss);
    }
}
