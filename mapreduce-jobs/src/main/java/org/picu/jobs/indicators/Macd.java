package org.picu.jobs.indicators;

/**
 * MACD(fast, slow, signal): {@code macd = EMA_fast(close) − EMA_slow(close)}, defined from the slow-th
 * close; {@code signal = EMA_signal(macd)} over the MACD values (seeded with their simple mean, so defined
 * from close {@code slow + signal − 1}); {@code histogram = macd − signal}. Each EMA as in {@link Ema}.
 */
public final class Macd {
    /** One step's values; signal and histogram are null until the signal line exists. */
    public record Values(double macd, Double signal, Double histogram) {
    }

    private final Ema fast;
    private final Ema slow;
    private final Ema signal;

    public Macd(int fast, int slow, int signal) {
        if (fast >= slow) {
            throw new IllegalArgumentException(
                    "MACD fast period " + fast + " must be shorter than slow period " + slow);
        }
        this.fast = new Ema(fast);
        this.slow = new Ema(slow);
        this.signal = new Ema(signal);
    }

    /** Adds the next close; null while the slow EMA is undefined. */
    public Values next(double close) {
        Double f = fast.next(close);
        Double s = slow.next(close);
        if (s == null) {
            return null;
        }
        double macd = f - s;
        Double sig = signal.next(macd);
        return new Values(macd, sig, sig == null ? null : macd - sig);
    }
}
