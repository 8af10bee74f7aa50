package org.picu.master.run;

import org.apache.hadoop.conf.Configuration;
import org.picu.master.config.OrchestratorSettings.LocalJobs;
import org.picu.master.plan.InputSize;

/**
 * Where a job of a scheduled cycle runs: Hive's automatic local mode for PICU. On a YARN cluster a job whose input
 * fits {@link LocalJobs} runs on the local job runner in the orchestrator's JVM (the same job code, the same HDFS
 * input and output, the same publishing), every other job as a YARN application with the cluster's container
 * sizes. Backfills and run-date always go to the configured cluster: they are not waited for, and they may run many
 * days one after the other, which belongs on the workers, not on the master Pi.
 */
final class JobPlacement {
    static final String FRAMEWORK = "mapreduce.framework.name";
    /**
     * A local job's map-side sort buffer. The cluster's 100 MB is sized for a 410 MB map container; two local jobs
     * share the orchestrator's heap, and an input within the local limits spills at most a few times with 32 MB.
     */
    static final int LOCAL_SORT_MB = 32;
    /**
     * Share of the heap a local job's reduce may hold as fetched map output (the default 0.70 assumes a JVM of its
     * own).
     */
    static final float LOCAL_SHUFFLE_BUFFER = 0.25f;

    private final LocalJobs limits;

    JobPlacement(LocalJobs limits) {
        this.limits = limits;
    }

    /** The configuration to submit the job with, and where it runs. */
    Placed place(Configuration conf, InputSize input, Mode mode) {
        Configuration job = new Configuration(conf);
        if (!"yarn".equals(conf.get(FRAMEWORK, "local"))) {
            return new Placed(job, false, "the local job runner (no cluster configured)");
        }
        if (mode != Mode.SCHEDULED) {
            return new Placed(job, false, "YARN (" + input + "; not a scheduled cycle)");
        }
        if (limits.maxInputBytes() == 0) {
            return new Placed(job, false, "YARN (" + input + "; local jobs off)");
        }
        if (!limits.fits(input.bytes(), input.files())) {
            return new Placed(
                    job,
                    false,
                    "YARN (" + input + ", above the local limits of " + (limits.maxInputBytes() >> 20) + " MiB and "
                            + limits.maxInputFiles() + " files)");
        }
        job.set(FRAMEWORK, "local");
        // The job classes are on this JVM's class path. With the shaded job jar set, every local job would upload it
        // (16 MB) into an HDFS staging directory and read it back; without it the job names the jar of its own class.
        job.unset("mapreduce.job.jar");
        job.setInt("mapreduce.task.io.sort.mb", Math.min(LOCAL_SORT_MB, conf.getInt("mapreduce.task.io.sort.mb", 100)));
        job.setFloat("mapreduce.reduce.shuffle.input.buffer.percent", LOCAL_SHUFFLE_BUFFER);
        return new Placed(job, true, "the local job runner (" + input + ")");
    }

    /**
     * @param conf what the job is submitted with
     * @param local whether it runs inside this JVM
     * @param where for the log line
     */
    record Placed(Configuration conf, boolean local, String where) {
    }
}
