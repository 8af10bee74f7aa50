package org.picu.jobs.clean.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;

/** A row as the reducer receives it: written by the mapper's wrapper, read into a fresh one and decoded. */
public final class ShuffledRows {
    private ShuffledRows() {
    }

    public static GenericRecord through(GenericRecord row) {
        try {
            DataOutputBuffer out = new DataOutputBuffer();
            new RowWritable(row.getSchema()).set(row).write(out);
            DataInputBuffer in = new DataInputBuffer();
            in.reset(out.getData(), out.getLength());
            RowWritable read = new RowWritable(row.getSchema());
            read.readFields(in);
            return read.get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
