package org.picu.jobs.indicators;

import org.picu.jobs.candles.Candle;

/**
 * The indicators of one (source, symbol) series, fed its candles in time order: RSI(14) with Wilder's
 * smoothing ({@link WilderRsi}), MACD(12, 26, 9) with SMA-seeded EMAs ({@link Macd}), Bollinger(20, 2σ)
 * with the population σ ({@link Bollinger}). Consecutive candles are consecutive steps: an hour with no
 * ticks has no candle and is not filled in.
 */
public final class IndicatorSeries {
    private final WilderRsi rsi = new WilderRsi(14);
    private final Macd macd = new Macd(12, 26, 9);
    private final Bollinger bollinger = new Bollinger(20, 2.0);

    /** The indicator row at this candle's close. */
    public IndicatorRow next(Candle candle) {
        double close = candle.close();
        Double r = rsi.next(close);
        Macd.Values m = macd.next(close);
        Bollinger.Bands b = bollinger.next(close);
        return new IndicatorRow(candle.source(), candle.symbol(), Candle.TIMEFRAME, candle.hourStart(), close, r,
                m == null ? null : m.macd(), m == null ? null : m.signal(), m == null ? null : m.histogram(),
                b == null ? null : b.upper(), b == null ? null : b.middle(), b == null ? null : b.lower(),
                candle.volume());
    }
}
