package org.picu.jobs.candles;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/** What a candle needs of one tick besides its key: the price and the day-cumulative volume (NaN when absent). */
public class TickValue implements Writable {
    private double price;
    private double dayVolume = Double.NaN;

    public TickValue() {
    }

    public TickValue(double price, Double dayVolume) {
        set(price, dayVolume);
    }

    public final void set(double price, Double dayVolume) {
        this.price = price;
        this.dayVolume = dayVolume == null ? Double.NaN : dayVolume;
    }

    public double price() {
        return price;
    }

    /** The day-cumulative volume, or null when the tick did not carry one. */
    public Double dayVolume() {
        return Double.isNaN(dayVolume) ? null : dayVolume;
    }

    @Override
    public void write(DataOutput out) throws IOException {
        out.writeDouble(price);
        out.writeDouble(dayVolume);
    }

    @Override
    public void readFields(DataInput in) throws IOException {
        price = in.readDouble();
        dayVolume = in.readDouble();
    }
}
