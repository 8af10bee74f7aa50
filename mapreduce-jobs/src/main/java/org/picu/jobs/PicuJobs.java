package org.picu.jobs;

import org.apache.hadoop.util.ProgramDriver;
import org.picu.jobs.clean.CleanMarketJob;

/**
 * {@code hadoop jar mapreduce-jobs-<version>.jar <job> [generic options] <args>}: every PICU job by name.
 * Run without arguments to list them.
 */
public final class PicuJobs {
    private PicuJobs() {
    }

    /** The driver with every job registered; tests use it to check the list. */
    public static ProgramDriver driver() throws Throwable {
        ProgramDriver driver = new ProgramDriver();
        driver.addClass(CleanMarketJob.NAME, CleanMarketJob.class,
                "Validate, normalise to UTC and deduplicate market ticks of one day into Parquet");
        return driver;
    }

    public static void main(String[] args) throws Throwable {
        int code = driver().run(args);
        // ProgramDriver answers -1 for a missing or unknown job name: that is a usage error.
        System.exit(code == -1 ? 2 : code);
    }
}
