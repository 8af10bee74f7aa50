package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.hadoop.io.Writable;
import org.apache.hadoop.io.WritableUtils;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.util.ReflectionUtils;

/**
 * A cleaned record on its way from mapper to reducer, in a compact binary form (no JSON is written or
 * parsed again after the mapper): a VInt length, then the fields as the subclass writes them.
 *
 * <p>{@link #readFields} only copies the bytes; {@link #get} decodes them on first use, into a new immutable
 * record, so a reducer may keep a reference while Hadoop reuses this wrapper for the next value. A wrapper
 * that was read and not decoded writes its bytes back unchanged: the combiner passes a key's only record
 * through without decoding and re-encoding it. Fields are encoded into a private buffer and handed to
 * Hadoop in one write (the map output and spill buffers are synchronised per call).
 *
 * @param <T> the cleaned record type
 */
public abstract class RecordWritable<T> implements Writable {
    private final Bytes bytes = new Bytes();
    private final DataOutputStream encoder = new DataOutputStream(bytes);
    private final Cursor cursor = new Cursor(bytes);
    private final DataInputStream decoder = new DataInputStream(cursor);
    private T record;
    /** Whether {@link #bytes} holds the encoding of the current record. */
    private boolean encoded;

    /**
     * An empty wrapper of the job's map output value type: what the mapper emits, and what the combiner and the
     * reducer write when they pick a winner among several records.
     */
    @SuppressWarnings("unchecked")
    public static <T> RecordWritable<T> ofMapOutput(JobContext job) {
        return (RecordWritable<T>) ReflectionUtils.newInstance(job.getMapOutputValueClass(), job.getConfiguration());
    }

    public T get() {
        if (record == null && encoded) {
            cursor.rewind();
            try {
                record = read(decoder);
            } catch (IOException e) {
                throw new IllegalStateException(
                        "a shuffled record does not decode; mapper and reducer run different builds?", e);
            }
        }
        return record;
    }

    public RecordWritable<T> set(T record) {
        this.record = record;
        this.encoded = false;
        return this;
    }

    /**
     * Reads the encoded record with {@code decoding} instead of {@link #read}, encoding a record that was
     * {@link #set} first: the reducers' Parquet writer ({@link ShuffledRowsWriteSupport}) reads the fields
     * straight from the shuffled bytes, with no record decoded and no string decoded and encoded again.
     */
    public <R> R decode(Decoding<R> decoding) {
        try {
            encode();
            cursor.rewind();
            return decoding.read(decoder);
        } catch (IOException e) {
            throw new IllegalStateException(
                    "a shuffled record does not decode; mapper and reducer run different builds?", e);
        }
    }

    /** Reads an encoded record, field by field in the order {@link #write(DataOutput, Object)} wrote them. */
    @FunctionalInterface
    public interface Decoding<R> {
        R read(DataInput in) throws IOException;
    }

    @Override
    public final void write(DataOutput out) throws IOException {
        encode();
        WritableUtils.writeVInt(out, bytes.length);
        out.write(bytes.buffer, 0, bytes.length);
    }

    private void encode() throws IOException {
        if (!encoded) {
            bytes.length = 0;
            write(encoder, record);
            encoded = true;
        }
    }

    @Override
    public final void readFields(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        if (length < 0) {
            throw new IOException("negative record length " + length + " in a shuffled record");
        }
        bytes.ensure(length);
        in.readFully(bytes.buffer, 0, length);
        bytes.length = length;
        encoded = true;
        record = null;
    }

    protected abstract void write(DataOutput out, T record) throws IOException;

    protected abstract T read(DataInput in) throws IOException;

    /** A growable byte array without the per-call locking of {@code ByteArrayOutputStream}. */
    private static final class Bytes extends OutputStream {
        byte[] buffer = new byte[256];
        int length;

        void ensure(int capacity) {
            if (capacity > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(capacity, 2 * buffer.length));
            }
        }

        @Override
        public void write(int b) {
            ensure(length + 1);
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(length + len);
            System.arraycopy(b, off, buffer, length, len);
            length += len;
        }
    }

    /** Reads {@link Bytes} from the start, without locking. */
    private static final class Cursor extends InputStream {
        private final Bytes bytes;
        private int position;

        Cursor(Bytes bytes) {
            this.bytes = bytes;
        }

        void rewind() {
            position = 0;
        }

        @Override
        public int read() {
            return position < bytes.length ? bytes.buffer[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = Math.min(len, bytes.length - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes.buffer, position, b, off, n);
            position += n;
            return n;
        }
    }
}
