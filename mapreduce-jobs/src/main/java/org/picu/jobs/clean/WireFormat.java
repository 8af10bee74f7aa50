package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        return new String(readUtf8Bytes(in), StandardCharsets.UTF_8);
    }

    /** A string's shuffled UTF-8 bytes, for Parquet to write without decoding and encoding them again. */
    public static byte[] readUtf8Bytes(DataInput in) throws IOException {
        int length = WritableUtils.readVInt(in);
        if (length < 0) {
            throw new IOException("negative string length " + length + " in a shuffled record");
        }
        byte[] utf8 = new byte[length];
        in.readFully(utf8, 0, length);
        return utf8;
    }

    /** The same bytes as {@link #writeString} of its text, without encoding text that is still bytes. */
    public static void writeUtf8(DataOutput out, Utf8Text s) throws IOException {
        byte[] utf8 = s.utf8();
        WritableUtils.writeVInt(out, utf8.length);
        out.write(utf8, 0, utf8.length);
    }

    /** What {@link #writeString} wrote, as text decoded only when read. */
    public static Utf8Text readUtf8(DataInput in) throws IOException {
        return Utf8Text.ofUtf8(readUtf8Bytes(in));
    }

    public static void writeNullableUtf8(DataOutput out, Utf8Text s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            writeUtf8(out, s);
        }
    }

    public static Utf8Text readNullableUtf8(DataInput in) throws IOException {
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
