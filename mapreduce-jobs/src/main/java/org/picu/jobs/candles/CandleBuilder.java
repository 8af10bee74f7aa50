package org.picu.jobs.candles;

import java.time.Duration;

/**
 * Builds one hourly candle from its ticks, fed in exchange-time order (the secondary sort guarantees it).
 *
 * <ul>
 *   <li>open / close: price of the first / last tick by exchange timestamp; high / low: extremes;</li>
 *   <li>volume: how much {@code day_volume} (base units since 00:00 UTC) grew within the hour, i.e. last
 *       minus first observed value. The 00:00 hour starts from the day's reset, so its baseline is 0 and
 *       its volume is the last value. Null when that cannot be derived: fewer than two ticks carry
 *       {@code day_volume} (one for the 00:00 hour), or the value ever decreases (a reset or a bad
 *       observation; guessing would invent volume);</li>
 *   <li>tick_count: ticks used; a second tick with the same exchange timestamp is a duplicate and ignored.</li>
 * </ul>
 */
public final class CandleBuilder {
    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final long DAY_MS = Duration.ofDays(1).toMillis();

    private final String source;
    private final String symbol;
    private final long hourStart;
    private double open;
    private double high;
    private double low;
    private double close;
    private int ticks;
    private long lastTimestamp = Long.MIN_VALUE;
    private Double firstVolume;
    private Double lastVolume;
    private int volumeObservations;
    private boolean volumeBroken;

    public CandleBuilder(String source, String symbol, long hourStart) {
        this.source = source;
        this.symbol = symbol;
        this.hourStart = hourStart;
    }

    /** Start of the hour an instant (epoch ms) falls in. */
    public static long hourOf(long epochMillis) {
        return Math.floorDiv(epochMillis, HOUR_MS) * HOUR_MS;
    }

    /**
     * Adds the next tick.
     *
     * @return false if it repeats the previous tick's timestamp and was ignored
     * @throws IllegalArgumentException if ticks arrive out of time order or outside the hour
     */
    public boolean add(long timestamp, double price, Double dayVolume) {
        if (hourOf(timestamp) != hourStart) {
            throw new IllegalArgumentException("tick at " + timestamp + " is outside the hour starting " + hourStart);
        }
        if (timestamp == lastTimestamp) {
            return false;
        }
        if (timestamp < lastTimestamp) {
            throw new IllegalArgumentException(
                    "ticks must come in time order: " + timestamp + " after " + lastTimestamp);
        }
        lastTimestamp = timestamp;
        if (ticks == 0) {
            open = price;
            high = price;
            low = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        ticks++;
        if (dayVolume != null) {
            if (lastVolume != null && dayVolume < lastVolume) {
                volumeBroken = true;
            }
            if (firstVolume == null) {
                firstVolume = dayVolume;
            }
            lastVolume = dayVolume;
            volumeObservations++;
        }
        return true;
    }

    public int tickCount() {
        return ticks;
    }

    /** @throws IllegalStateException if no tick was added */
    public Candle build() {
        if (ticks == 0) {
            throw new IllegalStateException("a candle needs at least one tick");
        }
        return new Candle(source, symbol, hourStart, open, high, low, close, volume(), ticks);
    }

    private Double volume() {
        if (volumeBroken || lastVolume == null) {
            return null;
        }
        boolean dayStart = Math.floorMod(hourStart, DAY_MS) == 0;
        if (dayStart) {
            return lastVolume;
        }
        return volumeObservations < 2 ? null : lastVolume - firstVolume;
    }
}
