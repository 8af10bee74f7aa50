package org.picu.jobs.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.jobs.candles.Candle;

class IndicatorsReducerTest {
    private static final long HOUR = 3_600_000;

    private static Candle candle(long hour, double close) {
        return new Candle("upbit", "BTC", hour * HOUR, close, close, close, close, null, 1);
    }

    @Test
    void candles_are_fed_in_time_order_and_only_the_days_rows_are_kept() {
        // Closes by hour: 1 -> 10, 2 -> 11, 3 -> 13; RSI(14) is undefined, so check the order through close and count.
        List<IndicatorRow> rows = IndicatorsReducer.rowsOfDay(
                List.of(candle(3, 13), candle(1, 10), candle(2, 11), candle(2, 11)), 2 * HOUR, 4 * HOUR);
        assertEquals(2, rows.size(), "hour 1 is look-back only; the repeated hour 2 counts once");
        assertEquals(11.0, rows.get(0).close());
        assertEquals(13.0, rows.get(1).close());
        assertEquals(2 * HOUR, rows.get(0).timestamp());
    }
}
