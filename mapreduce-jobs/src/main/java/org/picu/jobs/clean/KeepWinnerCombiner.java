package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Comparator;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Drops duplicates on the map side so that repeated crawls are not shuffled. Keeping the winner of a
 * total order is associative, so the result does not depend on whether or how often this runs.
 *
 * @param <T> the cleaned record type
 */
public abstract class KeepWinnerCombiner<T> extends Reducer<Text, RecordWritable<T>, Text, RecordWritable<T>> {
    private RecordWritable<T> out;

    protected abstract Comparator<T> winnerFirst();

    protected abstract RecordWritable<T> newWritable();

    @Override
    protected void setup(Context context) {
        out = newWritable();
    }

    @Override
    protected void reduce(Text key, Iterable<RecordWritable<T>> values, Context context) throws IOException, InterruptedException {
        Winners.Result<T> result = Winners.pick(values, winnerFirst());
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(result.dropped());
        context.write(key, out.set(result.winner()));
    }
}
