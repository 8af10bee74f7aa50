package org.picu.master.compact;

import java.io.IOException;

/**
 * Told after each step of a compaction. Production passes {@link #NONE}; the kill tests throw here to stop the
 * compactor at that point, leaving HDFS exactly as a process killed there would (the compactor never cleans up
 * after a failure in the same pass; the next pass does).
 */
@FunctionalInterface
public interface CompactionFaults {
    CompactionFaults NONE = (step, path) -> { };

    void after(CompactionStep step, String path) throws IOException;
}
