package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.util.Utf8;
import org.apache.hadoop.io.WritableUtils;

/**
 * Nullable field encodings shared by the {@link RecordWritable}s. Strings are a VInt byte length and the
 * UTF-8 bytes (no 64 kB limit), the same bytes as Hadoop's {@code Text.writeString}, but encoded and decoded
 * with the JDK's intrinsic UTF-8 paths: {@code Text}'s {@code CharsetEncoder}/{@code CharsetDecoder} were a
 * sixth of clean-news' CPU time (every string is written by the mapper and again by the combiner, and read
 * by the combiner and the reducer).
 */
public final class WireFormat {
    private WireFormat() {
    }

    public static void writeString(DataOutput out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        WritableUtils.writeVInt(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    public static String readString(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        if (length < 0) {
            throw new IOException("negative string length " + length + " in a shuffled record");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8, 0, length);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** A string as Avro's {@link Utf8} over its shuffled bytes, for Parquet to write without re-encoding. */
    public static Utf8 readUtf8(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        if (length < 0) {
            throw new IOException("negative string length " + length + " in a shuffled record");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8, 0, length);
        return new Utf8(utf8);
    }

    public static Utf8 readNullableUtf8(DataInput in) throws IOException {
        return in.readBoolean() ? readUtf8(in) : null;
    }

    public static void writeNullableString(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeString(out, s);
        }
    }

    public static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? readString(in) : null;
    }

    public static void writeNullableLong(DataOutput out, Long v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            WritableUtils.writeVLong(out, v);
        }
    }

    public static Long readNullableLong(DataInput in) throws IOException {
        return in.readBoolean() ? WritableUtils.readVLong(in) : null;
    }

    public static void writeNullableDouble(DataOutput out, Double v) throws IOException {
        out.writeBoolean(v != null);
        if (v != null) {
            out.writeDouble(v);
        }
    }

    public static Double readNullableDouble(DataInput in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }
}
