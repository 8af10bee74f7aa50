package org.picu.worker.upload;

import java.util.List;

/**
 * What one drain of the spool did.
 *
 * @param shipped files copied to HDFS in this run (final HDFS paths)
 * @param alreadyPresent files found in HDFS with the same length (shipped before a crash) and only marked
 * @param failed files that could not be shipped; they stay in the spool for the next run
 * @param deferred files not tried because the drain stopped after repeated failures (HDFS looks down)
 */
public record UploadReport(List<String> shipped, List<String> alreadyPresent, List<UploadFailure> failed,
                           int deferred) {
    public UploadReport {
        shipped = List.copyOf(shipped);
        alreadyPresent = List.copyOf(alreadyPresent);
        failed = List.copyOf(failed);
    }

    /** True when every pending file is now in HDFS. */
    public boolean complete() {
        return failed.isEmpty() && deferred == 0;
    }

    /** One line for the log, e.g. {@code 3 shipped, 1 already in HDFS, 0 failed, 0 deferred}. */
    public String summary() {
        return shipped.size() + " shipped, " + alreadyPresent.size() + " already in HDFS, " + failed.size()
                + " failed, " + deferred + " deferred";
    }
}
