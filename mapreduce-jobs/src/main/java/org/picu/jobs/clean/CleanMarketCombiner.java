package org.picu.jobs.clean;

import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Drops duplicates on the map side so that repeated crawls of an unchanged ticker are not shuffled.
 * Keeping the winner is associative, so the result does not depend on whether or how often this runs.
 */
public class CleanMarketCombiner extends Reducer<Text, Text, Text, Text> {
    private final MarketTickDeduplicator dedup = new MarketTickDeduplicator();
    private final Text out = new Text();

    @Override
    protected void reduce(Text key, Iterable<Text> values, Context context) throws IOException, InterruptedException {
        MarketTickDeduplicator.Result result = dedup.pick(values);
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(result.dropped());
        out.set(result.winner().toJson());
        context.write(key, out);
    }
}
