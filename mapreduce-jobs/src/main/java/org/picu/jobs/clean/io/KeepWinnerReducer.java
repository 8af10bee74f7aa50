package org.picu.jobs.clean.io;

import java.io.IOException;
import java.util.Comparator;
import java.util.Iterator;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.Reducer;
import org.picu.jobs.clean.CleanCounters;

/** Keeps one row per dedup key, the first in the rules' winner order, and writes it as a Parquet row. */
public final class KeepWinnerReducer extends Reducer<Text, RowWritable, Void, GenericRecord> {
    private Comparator<GenericRecord> winnerFirst;
    private Schema published;
    private Counter duplicatesDropped;
    private Counter recordsWritten;

    @Override
    protected void setup(Context context) {
        CleaningRules rules = CleaningJob.rules(context.getConfiguration());
        winnerFirst = rules.winnerFirst();
        published = rules.schema();
        duplicatesDropped = context.getCounter(CleanCounters.DUPLICATES_DROPPED);
        recordsWritten = context.getCounter(CleanCounters.RECORDS_WRITTEN);
    }

    @Override
    protected void reduce(Text key, Iterable<RowWritable> values, Context context)
            throws IOException, InterruptedException {
        Iterator<RowWritable> rows = values.iterator();
        Winner winner = pick(rows.next().get(), rows, winnerFirst);
        duplicatesDropped.increment(winner.dropped());
        recordsWritten.increment(1);
        context.write(null, publishedRow(winner.row(), published));
    }

    /** The winning row and how many rows it beat. */
    record Winner(GenericRecord row, long dropped) {
    }

    /** The first in {@code winnerFirst} order of {@code first} and the rows still to come from {@code rest}. */
    static Winner pick(GenericRecord first, Iterator<RowWritable> rest, Comparator<GenericRecord> winnerFirst) {
        GenericRecord winner = first;
        long dropped = 0;
        while (rest.hasNext()) {
            GenericRecord row = rest.next().get();
            dropped++;
            if (winnerFirst.compare(row, winner) < 0) {
                winner = row;
            }
        }
        return new Winner(winner, dropped);
    }

    /** The row itself, or, when the rules' rows carry fields that are not published, a copy without them. */
    static GenericRecord publishedRow(GenericRecord row, Schema published) {
        if (row.getSchema().getFields().size() == published.getFields().size()) {
            return row;
        }
        GenericRecord copy = new GenericData.Record(published);
        for (Schema.Field f : published.getFields()) {
            copy.put(f.pos(), row.get(f.name()));
        }
        return copy;
    }
}
