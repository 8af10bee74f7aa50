package org.picu.jobs.clean;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.WritableUtils;

/** Nullable field encodings shared by the {@link RecordWritable}s (strings are length-prefixed UTF-8, no 64 kB limit). */
public final class WireFormat {
    private WireFormat() {
    }

    public static void writeString(DataOutput out, String s) throws IOException {
        Text.writeString(out, s);
    }

    public static String readString(DataInput in) throws IOException {
        return Text.readString(in);
    }

    public static void writeNullableString(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            Text.writeString(out, s);
        }
    }

    public static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? Text.readString(in) : null;
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
