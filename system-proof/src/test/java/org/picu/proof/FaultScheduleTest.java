package org.picu.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.picu.proof.FaultSchedule.Kind;

class FaultScheduleTest {
    @Test
    void the_same_seed_and_duration_give_the_same_schedule_and_another_seed_another() {
        assertEquals(FaultSchedule.of(8, Duration.ofMinutes(10)), FaultSchedule.of(8, Duration.ofMinutes(10)));
        assertNotEquals(
                FaultSchedule.of(8, Duration.ofMinutes(10)).faults(),
                FaultSchedule.of(9, Duration.ofMinutes(10)).faults());
    }

    @Test
    void a_shortened_run_has_one_fault_of_every_kind() {
        FaultSchedule schedule = FaultSchedule.of(8, Duration.ofSeconds(90));
        Set<Kind> kinds = schedule.faults().stream().map(FaultSchedule.Fault::kind).collect(Collectors.toSet());
        assertEquals(EnumSet.allOf(Kind.class), kinds);
        assertEquals(kinds.size(), schedule.faults().size(), "one of every kind: " + schedule.faults());
        assertTrue(schedule.faults().stream().allMatch(f -> f.at().compareTo(schedule.duration()) < 0),
                "every fault starts within the run: " + schedule.faults());
    }

    @Test
    void a_full_run_kills_each_worker_several_times_and_the_name_node_stays_down_for_minutes() {
        FaultSchedule schedule = FaultSchedule.of(8, Duration.ofMinutes(10));
        long workerKills = schedule.faults().stream()
                .filter(f ->
                        f.kind() == Kind.KILL_WORKER_DURING_SPOOL_WRITE || f.kind() == Kind.KILL_WORKER_DURING_UPLOAD)
                .count();
        assertEquals(6, workerKills);
        assertEquals(Set.of("w1", "w2"), schedule.faults().stream()
                .filter(f -> f.kind().track.equals("hdfs") && !f.target().isEmpty()).map(FaultSchedule.Fault::target)
                .collect(Collectors.toSet()));
        FaultSchedule.Fault nameNode = schedule.track("hdfs").stream()
                .filter(f -> f.kind() == Kind.STOP_NAMENODE)
                .findFirst()
                .orElseThrow();
        assertTrue(nameNode.hold().compareTo(Duration.ofMinutes(2)) >= 0, nameNode.toString());
        assertEquals(
                2,
                schedule.faults().stream()
                        .filter(f -> f.kind() == Kind.KILL_ORCHESTRATOR_DURING_CYCLE)
                        .count());
        assertFalse(schedule.track("load").isEmpty());
        assertEquals(
                1,
                schedule.faults().stream()
                        .filter(f -> f.kind() == Kind.KILL_ORCHESTRATOR_DURING_LOCAL_JOB)
                        .count(),
                "the orchestrator is also killed once while a job runs inside it");
    }

    @Test
    void the_freshness_benchmark_runs_without_faults() {
        assertEquals(List.of(), FaultSchedule.none(8, Duration.ofMinutes(20)).faults());
    }
}
