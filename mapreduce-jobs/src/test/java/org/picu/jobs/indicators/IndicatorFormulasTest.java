package org.picu.jobs.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Each indicator against values worked out by hand; the arithmetic is in the comments. */
class IndicatorFormulasTest {
    private static final double EPS = 1e-6;

    @Test
    void ema_is_seeded_with_the_simple_mean_then_smoothed_with_two_over_n_plus_one() {
        Ema ema = new Ema(3);                       // alpha = 2 / (3 + 1) = 0.5
        assertNull(ema.next(2));
        assertNull(ema.next(4));
        assertEquals(4.0, ema.next(6), EPS);        // seed = (2 + 4 + 6) / 3 = 4
        assertEquals(7.0, ema.next(10), EPS);       // 4 + 0.5 * (10 - 4) = 7
        assertEquals(4.0, ema.next(1), EPS);        // 7 + 0.5 * (1 - 7) = 4
    }

    @Test
    void rsi_14_uses_wilder_smoothing_after_a_simple_mean_seed() {
        WilderRsi rsi = new WilderRsi(14);
        double close = 100;
        assertNull(rsi.next(close));
        // 14 changes: ten of +1 and four of -1.
        int[] changes = {1, 1, -1, 1, 1, -1, 1, 1, -1, 1, 1, -1, 1, 1};
        Double value = null;
        for (int i = 0; i < changes.length; i++) {
            close += changes[i];
            value = rsi.next(close);
            if (i < changes.length - 1) {
                assertNull(value, "undefined before 15 closes");
            }
        }
        // avgGain = 10/14, avgLoss = 4/14, RS = 2.5, RSI = 100 - 100/3.5 = 71.428571
        assertEquals(71.428571, value, EPS);
        // next change +2: avgGain = (10/14 * 13 + 2) / 14 = 158/196, avgLoss = (4/14 * 13 + 0) / 14 = 52/196
        // RS = 158/52 = 3.0384615, RSI = 100 - 100/4.0384615 = 75.238095
        // (the original's plain mean of the last 14 changes would give 11 gains / 3 losses: 12/14 vs 3/14 -> 80.0)
        assertEquals(75.238095, rsi.next(close + 2), EPS);
    }

    @Test
    void rsi_is_100_without_losses_and_50_on_a_flat_series() {
        WilderRsi rising = new WilderRsi(2);
        rising.next(1);
        rising.next(2);
        assertEquals(100.0, rising.next(3), EPS);
        WilderRsi flat = new WilderRsi(2);
        flat.next(5);
        flat.next(5);
        assertEquals(50.0, flat.next(5), EPS);
    }

    @Test
    void macd_12_26_9_after_a_flat_series_and_a_jump() {
        Macd macd = new Macd(12, 26, 9);
        for (int i = 1; i <= 25; i++) {
            assertNull(macd.next(100), "undefined before the 26th close");
        }
        Macd.Values v = macd.next(100);                   // 26th close: EMA12 = EMA26 = 100
        assertEquals(0.0, v.macd(), EPS);
        assertNull(v.signal(), "the signal needs 9 MACD values");
        for (int i = 27; i <= 34; i++) {
            v = macd.next(100);
        }
        assertEquals(0.0, v.signal(), EPS);               // 34th close: signal seed = mean of nine zeros
        v = macd.next(126);
        // EMA12 = 100 + 2/13 * 26 = 104; EMA26 = 100 + 2/27 * 26 = 101.925926; MACD = 2.074074
        // signal = 0 + 2/10 * 2.074074 = 0.414815; histogram = 1.659259
        assertEquals(2.074074, v.macd(), EPS);
        assertEquals(0.414815, v.signal(), EPS);
        assertEquals(1.659259, v.histogram(), EPS);
        v = macd.next(113);
        // EMA12 = 104 + 2/13 * (113 - 104) = 105.384615; EMA26 = 101.925926 + 2/27 * 11.074074 = 102.746228
        // MACD = 2.638388; signal = 0.414815 + 0.2 * (2.638388 - 0.414815) = 0.859529; histogram = 1.778858
        assertEquals(2.638388, v.macd(), EPS);
        assertEquals(0.859529, v.signal(), EPS);
        assertEquals(1.778858, v.histogram(), EPS);
    }

    @Test
    void bollinger_20_uses_the_population_standard_deviation() {
        Bollinger bb = new Bollinger(20, 2);
        Bollinger.Bands bands = null;
        for (int close = 1; close <= 20; close++) {
            bands = bb.next(close);
            if (close < 20) {
                assertNull(bands);
            }
        }
        // closes 1..20: mean 10.5; population variance (n^2 - 1) / 12 = 399/12 = 33.25; sigma = 5.766281
        assertEquals(10.5, bands.middle(), EPS);
        assertEquals(10.5 + 2 * 5.766281, bands.upper(), 1e-5);
        assertEquals(10.5 - 2 * 5.766281, bands.lower(), 1e-5);
        // 21: window 2..21, mean 11.5, same spread
        bands = bb.next(21);
        assertEquals(11.5, bands.middle(), EPS);
        assertEquals(11.5 + 2 * 5.766281, bands.upper(), 1e-5);
    }
}
