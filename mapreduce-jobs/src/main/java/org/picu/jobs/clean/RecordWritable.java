package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
                record = read(cursor);
            } catch (IOException e) {
                throw new IllegalStateException("a shuffled record does not decode; mapper and reducer run different builds?", e);
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
            return decoding.read(cursor);
        } catch (IOException e) {
            throw new IllegalStateException("a shuffled record does not decode; mapper and reducer run different builds?", e);
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

    /**
     * Reads {@link Bytes} from the start as {@link DataInput} itself, with the encoding of {@link DataOutputStream}:
     * the reducers decode every shuffled record, and a {@code DataInputStream} over a stream took two calls and a
     * copy per field where an array read does.
     */
    static final class Cursor implements DataInput {
        private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
        private final Bytes bytes;
        private int position;

        Cursor(Bytes bytes) {
            this.bytes = bytes;
        }

        void rewind() {
            position = 0;
        }

        /** The position after {@code n} more bytes, or an EOFException when the record has fewer. */
        private int advance(int n) throws EOFException {
            if (n < 0 || n > bytes.length - position) {
                throw new EOFException("a shuffled record of " + bytes.length + " bytes ends before byte " + (position + n));
            }
            int at = position;
            position += n;
            return at;
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            System.arraycopy(bytes.buffer, advance(len), b, off, len);
        }

        @Override
        public int skipBytes(int n) {
            int skipped = Math.max(0, Math.min(n, bytes.length - position));
            position += skipped;
            return skipped;
        }

        @Override
        public boolean readBoolean() throws IOException {
            return readByte() != 0;
        }

        @Override
        public byte readByte() throws IOException {
            return bytes.buffer[advance(1)];
        }

        @Override
        public int readUnsignedByte() throws IOException {
            return readByte() & 0xFF;
        }

        @Override
        public short readShort() throws IOException {
            int at = advance(2);
            return (short) ((bytes.buffer[at] << 8) | (bytes.buffer[at + 1] & 0xFF));
        }

        @Override
        public int readUnsignedShort() throws IOException {
            return readShort() & 0xFFFF;
        }

        @Override
        public char readChar() throws IOException {
            return (char) readShort();
        }

        @Override
        public int readInt() throws IOException {
            return (int) INTS.get(bytes.buffer, advance(4));
        }

        @Override
        public long readLong() throws IOException {
            return (long) LONGS.get(bytes.buffer, advance(8));
        }

        @Override
        public float readFloat() throws IOException {
            return Float.intBitsToFloat(readInt());
        }

        @Override
        public double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        /** A line of Latin-1 characters up to '\n', '\r' or "\r\n", as {@code DataInputStream.readLine}; null at the end. */
        @Override
        public String readLine() {
            if (position >= bytes.length) {
                return null;
            }
            StringBuilder line = new StringBuilder();
            while (position < bytes.length) {
                int c = bytes.buffer[position++] & 0xFF;
                if (c == '\n') {
                    break;
                }
                if (c == '\r') {
                    if (position < bytes.length && bytes.buffer[position] == '\n') {
                        position++;
                    }
                    break;
                }
                line.append((char) c);
            }
            return line.toString();
        }

        @Override
        public String readUTF() throws IOException {
            return DataInputStream.readUTF(this);
        }
    }
}
