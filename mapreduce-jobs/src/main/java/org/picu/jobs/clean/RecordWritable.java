package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Writable;

/**
 * A cleaned record on its way from mapper to reducer, in a compact binary form (no JSON is written or
 * parsed again after the mapper). Each {@link #readFields} makes a new immutable record, so a reducer may
 * keep a reference while Hadoop reuses this wrapper for the next value.
 *
 * @param <T> the cleaned record type
 */
public abstract class RecordWritable<T> implements Writable {
    private T record;

    public T get() {
        return record;
    }

    public RecordWritable<T> set(T record) {
        this.record = record;
        return this;
    }

    @Override
    public final void write(DataOutput out) throws IOException {
        write(out, record);
    }

    @Override
    public final void readFields(DataInput in) throws IOException {
        record = read(in);
    }

    protected abstract void write(DataOutput out, T record) throws IOException;

    protected abstract T read(DataInput in) throws IOException;
}
