package org.picu.jobs.clean;

import static org.picu.jobs.clean.WireFormat.readNullableDouble;
import static org.picu.jobs.clean.WireFormat.readString;
import static org.picu.jobs.clean.WireFormat.readUtf8;
import static org.picu.jobs.clean.WireFormat.writeNullableDouble;
import static org.picu.jobs.clean.WireFormat.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.WritableUtils;
import org.picu.model.avro.DatasetSchemas;

/**
 * {@link CleanMarketTick} between mapper and reducer: about 70 bytes in binary instead of the
 * ~300-byte JSON the first version shuffled, and no JSON parse in the combiner or the reducer.
 */
public class CleanMarketTickWritable extends RecordWritable<CleanMarketTick> {
    @Override
    protected void write(DataOutput out, CleanMarketTick t) throws IOException {
        writeString(out, t.source());
        writeString(out, t.symbol());
        writeString(out, t.quoteCurrency());
        out.writeDouble(t.price());
        writeNullableDouble(out, t.prevClosingPrice());
        writeNullableDouble(out, t.change24h());
        writeNullableDouble(out, t.volume24h());
        writeNullableDouble(out, t.accTradePrice24h());
        writeNullableDouble(out, t.dayVolume());
        WritableUtils.writeVLong(out, t.timestamp());
        WritableUtils.writeVLong(out, t.crawledAt());
        writeString(out, t.workerId());
        WritableUtils.writeVLong(out, t.seq());
    }

    @Override
    protected CleanMarketTick read(DataInput in) throws IOException {
        return new CleanMarketTick(readString(in), readString(in), readString(in), in.readDouble(),
                readNullableDouble(in), readNullableDouble(in), readNullableDouble(in), readNullableDouble(in),
                readNullableDouble(in),
                WritableUtils.readVLong(in), WritableUtils.readVLong(in), readString(in), WritableUtils.readVLong(in));
    }

    /**
     * The encoded tick as its {@code market_ticks} row, the same row as {@code read(in).toAvro()} with the
     * strings as Avro {@code Utf8} over the shuffled bytes (see {@link RecordWritable#decode}).
     * Fields are put by position, in the schema's order, which is the order they were shuffled in (a put by name is
     * a hash lookup per field); {@code RecordWritableTest} compares the row with {@code toAvro}'s, put by name.
     */
    static GenericRecord readAvro(DataInput in) throws IOException {
        int field = 0;
        GenericRecord r = new GenericData.Record(DatasetSchemas.MARKET_TICK);
        r.put(field++, readUtf8(in)); // source
        r.put(field++, readUtf8(in)); // symbol
        r.put(field++, readUtf8(in)); // quote_currency
        r.put(field++, in.readDouble()); // price
        r.put(field++, readNullableDouble(in)); // prev_closing_price
        r.put(field++, readNullableDouble(in)); // change_24h
        r.put(field++, readNullableDouble(in)); // volume_24h
        r.put(field++, readNullableDouble(in)); // acc_trade_price_24h
        r.put(field++, readNullableDouble(in)); // day_volume
        r.put(field++, WritableUtils.readVLong(in)); // timestamp
        r.put(field++, WritableUtils.readVLong(in)); // crawled_at
        r.put(field++, readUtf8(in)); // worker_id
        r.put(field++, WritableUtils.readVLong(in)); // seq
        return r;
    }
}
