package org.picu.jobs.clean;

import java.util.Comparator;
import org.apache.avro.generic.GenericRecord;

/** Keeps one tick per dedup key (see {@link CleanMarketTick#WINNER_FIRST}) and writes it as a Parquet row. */
public class CleanMarketReducer extends KeepWinnerReducer<CleanMarketTick> {
    @Override
    protected Comparator<CleanMarketTick> winnerFirst() {
        return CleanMarketTick.WINNER_FIRST;
    }

    @Override
    protected GenericRecord toAvro(CleanMarketTick record) {
        return record.toAvro();
    }

    @Override
    protected GenericRecord toAvro(RecordWritable<CleanMarketTick> only) {
        return only.decode(CleanMarketTickWritable::readAvro);
    }
}
