package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.ReduceContext;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Keeps one record per dedup key and writes it as a Parquet row.
 *
 * @param <T> the cleaned record type
 */
public abstract class KeepWinnerReducer<T> extends Reducer<Text, RecordWritable<T>, Void, GenericRecord> {
    private Counter duplicatesDropped;
    private Counter recordsWritten;

    protected abstract Comparator<T> winnerFirst();

    protected abstract GenericRecord toAvro(T record);

    /**
     * The Avro row of a key's only record. By default through the decoded record; a job whose writable
     * reads its bytes straight into a row (strings as {@code Utf8}) overrides this.
     */
    protected GenericRecord toAvro(RecordWritable<T> only) {
        return toAvro(only.get());
    }

    @Override
    protected void setup(Context context) {
        duplicatesDropped = context.getCounter(CleanCounters.DUPLICATES_DROPPED);
        recordsWritten = context.getCounter(CleanCounters.RECORDS_WRITTEN);
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
    protected void reduce(Text key, Iterable<RecordWritable<T>> values, Context context) throws IOException, InterruptedException {
        Iterator<RecordWritable<T>> candidates = values.iterator();
        RecordWritable<T> first = candidates.next();
        GenericRecord row;
        if (candidates.hasNext()) {
            Winners.Result<T> result = Winners.pick(first.get(), candidates, winnerFirst());
            duplicatesDropped.increment(result.dropped());
            row = toAvro(result.winner());
        } else {
            row = toAvro(first);
        }
        recordsWritten.increment(1);
        context.write(null, row);
    }
}
