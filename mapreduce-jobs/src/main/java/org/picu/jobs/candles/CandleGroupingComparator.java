package org.picu.jobs.candles;

import org.apache.hadoop.io.WritableComparable;
import org.apache.hadoop.io.WritableComparator;

/** Groups reduce input by (source, symbol, hour), so one reduce call sees one candle's ticks. */
public class CandleGroupingComparator extends WritableComparator {
    public CandleGroupingComparator() {
        super(CandleKey.class, true);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public int compare(WritableComparable a, WritableComparable b) {
        return ((CandleKey) a).compareCandle((CandleKey) b);
    }
}
