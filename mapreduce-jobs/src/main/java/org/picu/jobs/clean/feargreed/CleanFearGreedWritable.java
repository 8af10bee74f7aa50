package org.picu.jobs.clean.feargreed;

import static org.picu.jobs.clean.WireFormat.readString;
import static org.picu.jobs.clean.WireFormat.writeString;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.hadoop.io.WritableUtils;
import org.picu.jobs.clean.RecordWritable;
import org.picu.jobs.clean.ShuffledRowsWriteSupport;

/** {@link CleanFearGreed} between mapper and reducer. */
public class CleanFearGreedWritable extends RecordWritable<CleanFearGreed> {
    @Override
    protected void write(DataOutput out, CleanFearGreed r) throws IOException {
        writeString(out, r.source());
        out.writeByte(r.value());
        writeString(out, r.classification());
        WritableUtils.writeVLong(out, r.timestamp());
        WritableUtils.writeVLong(out, r.crawledAt());
        writeString(out, r.workerId());
        WritableUtils.writeVLong(out, r.seq());
        out.writeBoolean(r.viaApi());
    }

    @Override
    protected CleanFearGreed read(DataInput in) throws IOException {
        return new CleanFearGreed(readString(in), in.readUnsignedByte(), readString(in), WritableUtils.readVLong(in),
                WritableUtils.readVLong(in), readString(in), WritableUtils.readVLong(in), in.readBoolean());
    }

    /** Writes shuffled readings as {@code fear_greed} rows (see {@link ShuffledRowsWriteSupport}). */
    public static final class Rows extends ShuffledRowsWriteSupport<CleanFearGreed> {
        @Override
        protected String[] fieldNames() {
            return new String[] {"source", "value", "classification", "timestamp", "crawled_at", "worker_id", "seq"};
        }

        @Override
        protected void writeFields(DataInput in) throws IOException {
            string(0, in);
            integer(1, in.readUnsignedByte());
            string(2, in);
            vlong(3, in);
            vlong(4, in);
            string(5, in);
            vlong(6, in);
            in.readBoolean(); // via the API or the page: decides the winner, not a column
        }
    }
}
