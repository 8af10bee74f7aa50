package org.picu.jobs.candles;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.WritableComparable;

/**
 * The composite shuffle key of {@code candles-1h}: the natural key (source, symbol, hour) plus the exchange
 * timestamp, so the shuffle itself sorts a candle's ticks by time. {@link CandlePartitioner} and
 * {@link CandleGroupingComparator} look at the natural key only; one reduce call then sees one candle's
 * ticks in time order and holds nothing but the candle being built.
 */
public class CandleKey implements WritableComparable<CandleKey> {
    private String source = "";
    private String symbol = "";
    private long hourStart;
    private long timestamp;

    public CandleKey() {
    }

    public CandleKey(String source, String symbol, long hourStart, long timestamp) {
        set(source, symbol, hourStart, timestamp);
    }

    public final void set(String source, String symbol, long hourStart, long timestamp) {
        this.source = source;
        this.symbol = symbol;
        this.hourStart = hourStart;
        this.timestamp = timestamp;
    }

    public String source() {
        return source;
    }

    public String symbol() {
        return symbol;
    }

    /** Start of the hour (epoch ms, UTC). */
    public long hourStart() {
        return hourStart;
    }

    /** Exchange time of the tick (epoch ms, UTC). */
    public long timestamp() {
        return timestamp;
    }

    /** Order of the natural key alone: what partitioning and grouping agree on. */
    public int compareCandle(CandleKey other) {
        int c = source.compareTo(other.source);
        if (c == 0) {
            c = symbol.compareTo(other.symbol);
        }
        return c != 0 ? c : Long.compare(hourStart, other.hourStart);
    }

    @Override
    public int compareTo(CandleKey other) {
        int c = compareCandle(other);
        return c != 0 ? c : Long.compare(timestamp, other.timestamp);
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeUTF(source);
        out.writeUTF(symbol);
        out.writeLong(hourStart);
        out.writeLong(timestamp);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        source = in.readUTF();
        symbol = in.readUTF();
        hourStart = in.readLong();
        timestamp = in.readLong();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CandleKey k && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * source.hashCode() + symbol.hashCode()) + Long.hashCode(hourStart))
                + Long.hashCode(timestamp);
    }

    @Override
    public String toString() {
        return source + "/" + symbol + "@" + hourStart + "+" + timestamp;
    }
}
