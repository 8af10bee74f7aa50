package org.picu.jobs.indicators;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;
import org.picu.jobs.candles.Candle;

/** A candle in the shuffle. */
public class CandleWritable implements Writable {
    private Candle candle;

    public void set(Candle candle) {
        this.candle = candle;
    }

    public Candle get() {
        return candle;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeUTF(candle.source());
        out.writeUTF(candle.symbol());
        out.writeLong(candle.hourStart());
        out.writeDouble(candle.open());
        out.writeDouble(candle.high());
        out.writeDouble(candle.low());
        out.writeDouble(candle.close());
        out.writeDouble(candle.volume() == null ? Double.NaN : candle.volume());
        out.writeInt(candle.tickCount());
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        String source = in.readUTF();
        String symbol = in.readUTF();
        long hour = in.readLong();
        double open = in.readDouble();
        double high = in.readDouble();
        double low = in.readDouble();
        double close = in.readDouble();
        double volume = in.readDouble();
        candle = new Candle(
                source, symbol, hour, open, high, low, close, Double.isNaN(volume) ? null : volume, in.readInt());
    }
}
