package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Drops duplicates on the map side so that repeated crawls are not shuffled. Keeping the winner of a
 * total order is associative, so the result does not depend on whether or how often this runs.
 *
 * <p>Most keys have one record in a spill; that record is passed on as the bytes it arrived in, without
 * being decoded and encoded again.
 *
 * @param <T> the cleaned record type
 */
public abstract class KeepWinnerCombiner<T> extends Reducer<Text, RecordWritable<T>, Text, RecordWritable<T>> {
    private RecordWritable<T> out;

    protected abstract Comparator<T> winnerFirst();

    @Override
    protected void setup(Context context) {
        out = RecordWritable.ofMapOutput(context);
    }

    @Override
    protected void reduce(Text key, Iterable<RecordWritable<T>> values, Context context)
            throws IOException, InterruptedException {
        Iterator<RecordWritable<T>> candidates = values.iterator();
        RecordWritable<T> first = candidates.next();
        if (!candidates.hasNext()) {
            context.write(key, first);
            return;
        }
        Winners.Result<T> result = Winners.pick(first.get(), candidates, winnerFirst());
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(result.dropped());
        context.write(key, out.set(result.winner()));
    }
}
