package org.picu.jobs.clean;

import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;

/** A map output value as the reducer receives it: written by the mapper's wrapper, read into a fresh one. */
public final class Shuffled {
    private Shuffled() {
    }

    public static <W extends RecordWritable<?>> W through(RecordWritable<?> written, W fresh) throws IOException {
        DataOutputBuffer out = new DataOutputBuffer();
        written.write(out);
        DataInputBuffer in = new DataInputBuffer();
        in.reset(Arrays.copyOf(out.getData(), out.getLength()), out.getLength());
        fresh.readFields(in);
        return fresh;
    }
}
