package org.picu.jobs.candles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CandleBuilderTest {
    private static final long TEN = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
    private static final long MIDNIGHT = Instant.parse("2026-11-21T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @Test
    void open_and_close_are_the_first_and_last_tick_by_time_high_and_low_the_extremes() {
        CandleBuilder b = new CandleBuilder("upbit", "BTC", TEN);
        b.add(TEN + MINUTE, 100, 50.0);
        b.add(TEN + 20 * MINUTE, 105, 52.0);
        b.add(TEN + 40 * MINUTE, 95, 55.0);
        b.add(TEN + 59 * MINUTE, 101, 58.5);

        assertEquals(new Candle("upbit", "BTC", TEN, 100, 105, 95, 101, 8.5, 4), b.build());
    }

    @Test
    void volume_is_the_increase_of_day_volume_within_the_hour_ignoring_ticks_without_it() {
        CandleBuilder b = new CandleBuilder("upbit", "BTC", TEN);
        b.add(TEN + MINUTE, 100, 10.0);
        b.add(TEN + 2 * MINUTE, 100, null);
        b.add(TEN + 3 * MINUTE, 100, 12.5);
        assertEquals(2.5, b.build().volume());
        assertEquals(3, b.build().tickCount());
    }

    @Test
    void the_midnight_hour_counts_from_the_daily_reset() {
        CandleBuilder b = new CandleBuilder("upbit", "BTC", MIDNIGHT);
        b.add(MIDNIGHT + 10 * MINUTE, 90, 3.25);
        assertEquals(3.25, b.build().volume());
    }

    @Test
    void volume_is_null_from_one_observation_or_a_decrease() {
        CandleBuilder single = new CandleBuilder("upbit", "BTC", TEN);
        single.add(TEN + MINUTE, 100, 10.0);
        assertNull(single.build().volume());

        CandleBuilder falling = new CandleBuilder("upbit", "ETH", TEN);
        falling.add(TEN + MINUTE, 10, 1000.0);
        falling.add(TEN + 2 * MINUTE, 9, 900.0);
        falling.add(TEN + 3 * MINUTE, 9, 950.0);
        assertNull(falling.build().volume());

        CandleBuilder none = new CandleBuilder("upbit", "ETH", MIDNIGHT);
        none.add(MIDNIGHT + MINUTE, 10, null);
        assertNull(none.build().volume());
    }

    @Test
    void a_repeated_timestamp_is_ignored_and_disorder_is_a_bug() {
        CandleBuilder b = new CandleBuilder("upbit", "BTC", TEN);
        b.add(TEN + 2 * MINUTE, 100, 1.0);
        assertFalse(b.add(TEN + 2 * MINUTE, 999, 1.0));
        assertEquals(1, b.tickCount());
        assertThrows(IllegalArgumentException.class, () -> b.add(TEN + MINUTE, 100, 1.0));
        assertThrows(IllegalArgumentException.class, () -> b.add(TEN + 61 * MINUTE, 100, 1.0));
        assertThrows(IllegalStateException.class, () -> new CandleBuilder("upbit", "BTC", TEN).build());
    }

    @Test
    void hour_of_truncates_to_the_utc_hour() {
        assertEquals(TEN, CandleBuilder.hourOf(TEN + 59 * MINUTE + 59_999));
        assertEquals(TEN, CandleBuilder.hourOf(TEN));
        assertEquals(TEN - 3_600_000, CandleBuilder.hourOf(TEN - 1));
    }
}
