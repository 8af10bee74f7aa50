package org.picu.jobs.candles;

import org.apache.hadoop.mapreduce.Partitioner;

/** Sends every tick of one (source, symbol, hour) to the same reducer, whatever its timestamp. */
public class CandlePartitioner extends Partitioner<CandleKey, TickValue> {
    @Override
    public int getPartition(CandleKey key, TickValue value, int numPartitions) {
        return partitionOf(key, numPartitions);
    }

    /** The partition of a candle; the tick timestamp deliberately takes no part. */
    public static int partitionOf(CandleKey key, int numPartitions) {
        int hash = 31 * (31 * key.source().hashCode() + key.symbol().hashCode()) + Long.hashCode(key.hourStart());
        return (hash & Integer.MAX_VALUE) % numPartitions;
    }
}
