package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.IOException;
import java.util.Arrays;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.WritableUtils;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a cleaning reducer's records to Parquet straight from their shuffled bytes ({@link RecordWritable}), in
 * the file layout parquet-avro writes for the dataset's Avro schema: {@link #init} and {@link #getName} are
 * {@link AvroWriteSupport}'s, so the file schema and footer metadata (the Avro schema, {@code writer.model.name})
 * are the same, and readers still read the files as Avro. No Avro row is built and no schema walked per value
 * (that was a quarter of the reducers' CPU). A subclass writes its record's fields in the Parquet schema's order;
 * the tests compare its files with parquet-avro's byte for byte.
 *
 * <p>Set the Avro schema with {@code AvroParquetOutputFormat.setSchema} and the subclass with
 * {@code ParquetOutputFormat.setWriteSupportClass}; Parquet makes one per task with the no-argument constructor.
 *
 * @param <T> the cleaned record type
 */
public abstract class ShuffledRowsWriteSupport<T> extends WriteSupport<RecordWritable<T>> {
    private final AvroWriteSupport<GenericRecord> avro = new AvroWriteSupport<>();
    private final RecordWritable.Decoding<Void> writeRow = this::writeRow;
    private RecordConsumer rows;
    private String[] names;

    @Override
    public WriteContext init(Configuration conf) {
        WriteContext context = avro.init(conf);
        MessageType schema = context.getSchema();
        names = new String[schema.getFieldCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = schema.getFieldName(i);
        }
        String[] written = fieldNames();
        if (!Arrays.equals(names, written)) {
            throw new IllegalStateException("the Parquet schema's fields are " + String.join(", ", names)
                    + ", but this writer writes " + String.join(", ", written));
        }
        return context;
    }

    @Override
    public String getName() {
        return avro.getName();
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        rows = recordConsumer;
    }

    @Override
    public void write(RecordWritable<T> record) {
        record.decode(writeRow);
    }

    private Void writeRow(DataInput in) throws IOException {
        rows.startMessage();
        writeFields(in);
        rows.endMessage();
        return null;
    }

    /** The top-level fields {@link #writeFields} writes, in order; {@link #init} fails unless they are the schema's. */
    protected abstract String[] fieldNames();

    /** Reads one encoded record and writes its fields, in the schema's order, with the methods below. */
    protected abstract void writeFields(DataInput in) throws IOException;

    /** A required string field, shuffled as a VInt length and its UTF-8 bytes. */
    protected final void string(int field, DataInput in) throws IOException {
        start(field);
        rows.addBinary(utf8(in));
        end(field);
    }

    /** An optional string field, shuffled behind a presence flag. */
    protected final void nullableString(int field, DataInput in) throws IOException {
        if (in.readBoolean()) {
            string(field, in);
        }
    }

    protected final void doubleValue(int field, DataInput in) throws IOException {
        start(field);
        rows.addDouble(in.readDouble());
        end(field);
    }

    protected final void nullableDouble(int field, DataInput in) throws IOException {
        if (in.readBoolean()) {
            doubleValue(field, in);
        }
    }

    /** A long field shuffled as a VLong (sequence numbers, epoch milliseconds). */
    protected final void vlong(int field, DataInput in) throws IOException {
        start(field);
        rows.addLong(WritableUtils.readVLong(in));
        end(field);
    }

    protected final void nullableVlong(int field, DataInput in) throws IOException {
        if (in.readBoolean()) {
            vlong(field, in);
        }
    }

    protected final void integer(int field, int value) {
        start(field);
        rows.addInteger(value);
        end(field);
    }

    /**
     * A list of strings, shuffled as a VInt count and the strings, in parquet-avro's default two-level layout
     * ({@code parquet.avro.write-old-list-structure}): a group holding a repeated field {@code array}, absent when
     * the list is empty.
     */
    protected final void stringList(int field, DataInput in) throws IOException {
        int n = WritableUtils.readVInt(in);
        start(field);
        rows.startGroup();
        if (n > 0) {
            rows.startField("array", 0);
            for (int i = 0; i < n; i++) {
                rows.addBinary(utf8(in));
            }
            rows.endField("array", 0);
        }
        rows.endGroup();
        end(field);
    }

    private void start(int field) {
        rows.startField(names[field], field);
    }

    private void end(int field) {
        rows.endField(names[field], field);
    }

    private static Binary utf8(DataInput in) throws IOException {
        return Binary.fromConstantByteArray(WireFormat.readUtf8Bytes(in));
    }
}
