package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.ReduceContext;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Keeps one record per dedup key and writes it as a Parquet row: the shuffled record itself, which the dataset's
 * {@link ShuffledRowsWriteSupport} writes from its bytes.
 *
 * @param <T> the cleaned record type
 */
public abstract class KeepWinnerReducer<T> extends Reducer<Text, RecordWritable<T>, Void, RecordWritable<T>> {
    private Counter duplicatesDropped;
    private Counter recordsWritten;
    private RecordWritable<T> winner;

    protected abstract Comparator<T> winnerFirst();

    @Override
    protected void setup(Context context) {
        duplicatesDropped = context.getCounter(CleanCounters.DUPLICATES_DROPPED);
        recordsWritten = context.getCounter(CleanCounters.RECORDS_WRITTEN);
        winner = RecordWritable.ofMapOutput(context);
    }

    /**
     * {@code Reducer.run}'s loop, calling the typed {@link #reduce(Text, Iterable, Context)} itself instead of
     * the compiler-generated bridge {@code reduce(Object, Iterable, Context)}, so that HotSpot compiles the
     * per-key call tree once (see {@code CleaningMapper.run}).
     */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        setup(context);
        try {
            while (context.nextKey()) {
                reduce(context.getCurrentKey(), context.getValues(), context);
                // As Reducer.run: a value iterator that was marked keeps a backup store until it is reset.
                if (context.getValues().iterator() instanceof ReduceContext.ValueIterator<?> values) {
                    values.resetBackupStore();
                }
            }
        } finally {
            cleanup(context);
        }
    }

    @Override
    protected void reduce(Text key, Iterable<RecordWritable<T>> values, Context context)
            throws IOException, InterruptedException {
        Iterator<RecordWritable<T>> candidates = values.iterator();
        RecordWritable<T> first = candidates.next();
        RecordWritable<T> row = first;
        if (candidates.hasNext()) {
            Winners.Result<T> result = Winners.pick(first.get(), candidates, winnerFirst());
            duplicatesDropped.increment(result.dropped());
            row = winner.set(result.winner());
        }
        recordsWritten.increment(1);
        context.write(null, row);
    }
}
