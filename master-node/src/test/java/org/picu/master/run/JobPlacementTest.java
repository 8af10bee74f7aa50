package org.picu.master.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.picu.master.config.OrchestratorSettings.LocalJobs;
import org.picu.master.plan.InputSize;

class JobPlacementTest {
    private static final LocalJobs LIMITS = new LocalJobs(64L << 20, 100);

    private static Configuration yarn() {
        Configuration conf = new Configuration(false);
        conf.set(JobPlacement.FRAMEWORK, "yarn");
        conf.setInt("mapreduce.task.io.sort.mb", 100);
        conf.set("mapreduce.job.jar", "/opt/picu/lib/mapreduce-jobs.jar");
        return conf;
    }

    @Test
    void a_small_input_of_a_scheduled_cycle_runs_on_the_local_runner_with_a_small_sort_buffer() {
        Configuration cluster = yarn();
        JobPlacement.Placed placed =
                new JobPlacement(LIMITS).place(cluster, new InputSize(5L << 20, 40), Mode.SCHEDULED);

        assertTrue(placed.local());
        assertEquals("local", placed.conf().get(JobPlacement.FRAMEWORK));
        assertEquals(JobPlacement.LOCAL_SORT_MB, placed.conf().getInt("mapreduce.task.io.sort.mb", 0));
        assertEquals(
                null, placed.conf().get("mapreduce.job.jar"), "no job jar to ship: the classes are loaded already");
        assertEquals("yarn", cluster.get(JobPlacement.FRAMEWORK), "the orchestrator's own configuration is untouched");
        assertTrue(placed.where().contains("40 files, 5120 KiB"), placed.where());
    }

    @Test
    void the_limits_are_inclusive_and_either_one_sends_the_job_to_yarn() {
        JobPlacement placement = new JobPlacement(LIMITS);
        assertTrue(placement.place(yarn(), new InputSize(64L << 20, 100), Mode.SCHEDULED).local());
        JobPlacement.Placed tooBig = placement.place(yarn(), new InputSize((64L << 20) + 1, 1), Mode.SCHEDULED);
        assertFalse(tooBig.local());
        assertEquals("yarn", tooBig.conf().get(JobPlacement.FRAMEWORK));
        assertEquals(100, tooBig.conf().getInt("mapreduce.task.io.sort.mb", 0), "a YARN job keeps the cluster's sizes");
        assertEquals("/opt/picu/lib/mapreduce-jobs.jar", tooBig.conf().get("mapreduce.job.jar"));
        assertTrue(tooBig.where().startsWith("YARN (1 files, 64 MiB, above the local limits"), tooBig.where());
        assertFalse(placement.place(yarn(), new InputSize(1024, 101), Mode.SCHEDULED).local());
    }

    @Test
    void backfill_and_run_date_go_to_the_cluster_whatever_their_size() {
        JobPlacement placement = new JobPlacement(LIMITS);
        for (Mode mode : new Mode[] {Mode.IF_STALE, Mode.FORCE}) {
            JobPlacement.Placed placed = placement.place(yarn(), new InputSize(1024, 1), mode);
            assertFalse(placed.local(), mode.toString());
            assertEquals("yarn", placed.conf().get(JobPlacement.FRAMEWORK));
        }
    }

    @Test
    void zero_bytes_turns_local_mode_off_and_standalone_stays_local() {
        assertFalse(new JobPlacement(LocalJobs.NEVER).place(yarn(), new InputSize(0, 0), Mode.SCHEDULED).local());
        JobPlacement.Placed standalone = new JobPlacement(LIMITS).place(new Configuration(false), new InputSize(1, 1),
                Mode.SCHEDULED);
        assertFalse(standalone.local(), "nothing to move: standalone mode runs every job locally already");
        assertEquals(null, standalone.conf().get("mapreduce.task.io.sort.mb"), "standalone jobs keep their settings");
    }
}
