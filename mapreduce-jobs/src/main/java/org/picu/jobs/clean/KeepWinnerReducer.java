package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Comparator;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;

/**
 * Keeps one record per dedup key and writes it as a Parquet row.
 *
 * @param <T> the cleaned record type
 */
public abstract class KeepWinnerReducer<T> extends Reducer<Text, RecordWritable<T>, Void, GenericRecord> {

    protected abstract Comparator<T> winnerFirst();

    protected abstract GenericRecord toAvro(T record);

    @Override
    protected void reduce(Text key, Iterable<RecordWritable<T>> values, Context context) throws IOException, InterruptedException {
        Winners.Result<T> result = Winners.pick(values, winnerFirst());
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(result.dropped());
        context.getCounter(CleanCounters.RECORDS_WRITTEN).increment(1);
        context.write(null, toAvro(result.winner()));
    }
}
