package org.picu.jobs.clean.io;

import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Reducer;
import org.picu.jobs.clean.CleanCounters;

/**
 * Drops duplicates on the map side ({@link CleaningConfigKeys#COMBINE}, off by default). Keeping the first row of
 * a total order does not depend on whether or how often this runs. A key's only row passes on as its bytes.
 */
public final class KeepWinnerCombiner extends Reducer<Text, RowWritable, Text, RowWritable> {
    private final RowWritable out = new RowWritable();
    private Comparator<GenericRecord> winnerFirst;

    @Override
    protected void setup(Context context) {
        out.setConf(context.getConfiguration());
        winnerFirst = CleaningJob.rules(context.getConfiguration()).winnerFirst();
    }

    @Override
    protected void reduce(Text key, Iterable<RowWritable> values, Context context)
            throws IOException, InterruptedException {
        Iterator<RowWritable> rows = values.iterator();
        RowWritable first = rows.next();
        if (!rows.hasNext()) {
            context.write(key, first);
            return;
        }
        KeepWinnerReducer.Winner winner = KeepWinnerReducer.pick(first.get(), rows, winnerFirst);
        context.getCounter(CleanCounters.DUPLICATES_DROPPED).increment(winner.dropped());
        context.write(key, out.set(winner.row()));
    }
}
