package org.picu.jobs.insights;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.picu.jobs.candles.Candle;
import org.picu.jobs.indicators.IndicatorRow;

/**
 * One input of a symbol's insight reduce call: a candle, an indicator row or a news mention. Only the fields
 * the rules read travel through the shuffle; a missing number is NaN on the wire.
 */
public class InsightInput implements Writable {
    /** What the value holds. */
    public enum Kind { CANDLE, INDICATOR, MENTION }

    private Kind kind;
    private String text;      // candle/indicator: source; mention: news id
    private long time;
    private double a;         // candle: volume; indicator: RSI; mention: score
    private double b;         // indicator: MACD
    private double c;         // indicator: MACD signal

    public Kind kind() {
        return kind;
    }

    public InsightInput candle(Candle candle) {
        return set(Kind.CANDLE, candle.source(), candle.hourStart(), candle.volume(), null, null);
    }

    public InsightInput indicator(IndicatorRow row) {
        return set(Kind.INDICATOR, row.source(), row.timestamp(), row.rsi14(), row.macd(), row.macdSignal());
    }

    public InsightInput mention(Mention m) {
        return set(Kind.MENTION, m.newsId(), m.publishedAt(), m.score(), null, null);
    }

    private InsightInput set(Kind kind, String text, long time, Double a, Double b, Double c) {
        this.kind = kind;
        this.text = text;
        this.time = time;
        this.a = a == null ? Double.NaN : a;
        this.b = b == null ? Double.NaN : b;
        this.c = c == null ? Double.NaN : c;
        return this;
    }

    public String source() {
        return text;
    }

    /** The candle (only source, hour and volume are carried; prices are 0). */
    public Candle asCandle(String symbol) {
        return new Candle(text, symbol, time, 0, 0, 0, 0, orNull(a), 0);
    }

    /** The indicator row (only source, time, RSI, MACD and signal are carried). */
    public IndicatorRow asIndicator(String symbol) {
        return new IndicatorRow(
                text, symbol, Candle.TIMEFRAME, time, 0, orNull(a), orNull(b), orNull(c), null, null, null, null, null);
    }

    public Mention asMention() {
        return new Mention(text, time, a);
    }

    private static Double orNull(double x) {
        return Double.isNaN(x) ? null : x;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeByte(kind.ordinal());
        out.writeUTF(text);
        out.writeLong(time);
        out.writeDouble(a);
        out.writeDouble(b);
        out.writeDouble(c);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        kind = Kind.values()[in.readByte()];
        text = in.readUTF();
        time = in.readLong();
        a = in.readDouble();
        b = in.readDouble();
        c = in.readDouble();
    }
}
