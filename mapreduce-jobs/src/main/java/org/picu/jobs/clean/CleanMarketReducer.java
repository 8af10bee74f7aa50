package org.picu.jobs.clean;

import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/** Keeps one tick per dedup key and writes it as a Parquet row. */
public class CleanMarketReducer extends Reducer<Text, Text, Void, GenericRecord> {
    private final MarketTickDeduplicator dedup = new MarketTickDeduplicator();

    @Override
    protected void reduce(Text key, Iterable<Text> values, Context context) throws IOException, InterruptedException {
        MarketTickDeduplicator.Result result = dedup.pick(values);
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(result.dropped());
        context.getCounter(CleanCounters.RECORDS_WRITTEN).increment(1);
        context.write(null, result.winner().toAvro());
    }
}
