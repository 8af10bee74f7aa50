package org.picu.jobs.clean.news;

import java.util.Comparator;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.KeepWinnerReducer;
import org.picu.jobs.clean.RecordWritable;

/** Keeps one item per content signature (see {@link CleanNews#WINNER_FIRST}) and writes it as a Parquet row. */
public class CleanNewsReducer extends KeepWinnerReducer<CleanNews> {
    @Override
    protected Comparator<CleanNews> winnerFirst() {
        return CleanNews.WINNER_FIRST;
    }

    @Override
    protected GenericRecord toAvro(CleanNews record) {
        return record.toAvro();
    }

    @Override
    protected GenericRecord toAvro(RecordWritable<CleanNews> only) {
        return only.decode(CleanNewsWritable::readAvro);
    }
}
