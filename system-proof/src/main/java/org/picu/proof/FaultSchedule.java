package org.picu.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The faults of one run, decided by the seed and the run's duration alone, so that a run can be repeated.
 *
 * <p>Faults run on three tracks that proceed side by side: {@code hdfs} (worker kills, NameNode and DataNode
 * outages), {@code yarn} (NodeManager and orchestrator kills, which wait for a job or cycle in flight) and
 * {@code load} (the loader killed mid-partition, which waits for a newly published partition). On a track, a
 * fault starts at its offset or when the one before it has finished, whichever is later.
 */
record FaultSchedule(long seed, Duration duration, List<Fault> faults) {
    /** Runs shorter than this get the shortened schedule: one fault of each kind, a shorter NameNode outage. */
    static final Duration FULL_RUN_FROM = Duration.ofMinutes(5);

    enum Kind {
        KILL_WORKER_DURING_SPOOL_WRITE("hdfs"),
        KILL_WORKER_DURING_UPLOAD("hdfs"),
        STOP_NAMENODE("hdfs"),
        STOP_DATANODE("hdfs"),
        KILL_NODEMANAGER_DURING_JOB("yarn"),
        KILL_ORCHESTRATOR_DURING_CYCLE("yarn"),
        KILL_ORCHESTRATOR_DURING_LOCAL_JOB("yarn"),
        KILL_ORCHESTRATOR_DURING_COMPACTION("yarn"),
        KILL_LOADER_MID_PARTITION("load"),
        SPOOL_FULL("cap");

        final String track;

        Kind(String track) {
            this.track = track;
        }
    }

    /**
     * @param target the worker id for worker kills, empty otherwise
     * @param hold how long a stopped daemon stays down (zero: restarted at once)
     */
    record Fault(Kind kind, String target, Duration at, Duration hold) {
        @Override
        public String toString() {
            return "+" + at.toSeconds() + "s " + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (target.isEmpty() ? "" : " " + target) + (hold.isZero() ? "" : " for " + hold.toSeconds() + "s");
        }
    }

    /** No faults: the freshness benchmark with the shipped defaults. */
    static FaultSchedule none(long seed, Duration duration) {
        return new FaultSchedule(seed, duration, List.of());
    }

    static FaultSchedule of(long seed, Duration duration) {
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>();
        long total = duration.toSeconds();
        boolean full = duration.compareTo(FULL_RUN_FROM) >= 0;
        // worker kills: alternate the kind and the worker, at seeded points of the run
        int workerKills = full ? 6 : 2;
        for (int i = 0; i < workerKills; i++) {
            Kind kind = i % 2 == 0 ? Kind.KILL_WORKER_DURING_SPOOL_WRITE : Kind.KILL_WORKER_DURING_UPLOAD;
            String worker = (i + random.nextInt(2)) % 2 == 0 ? ProofPipeline.FULL_WORKER : ProofPipeline.CAPPED_WORKER;
            long at = total * (i + 1) / (workerKills + 3) + random.nextInt(5);
            faults.add(new Fault(kind, worker, Duration.ofSeconds(at), Duration.ZERO));
        }
        // one NameNode outage of a few minutes (20 s in a short run, after the YARN faults have had the first jobs),
        // one short DataNode outage after it
        long nnAt = full ? total / 4 + random.nextInt(10) : total * 2 / 5 + random.nextInt(5);
        long nnHold = full ? 150 + random.nextInt(30) : Math.max(20, total / 5);
        faults.add(new Fault(Kind.STOP_NAMENODE, "", Duration.ofSeconds(nnAt), Duration.ofSeconds(nnHold)));
        long dnGap = full ? 15 + random.nextInt(10) : 5 + random.nextInt(5);
        faults.add(new Fault(Kind.STOP_DATANODE, "", Duration.ofSeconds(nnAt + nnHold + dnGap),
                Duration.ofSeconds(8 + random.nextInt(5))));
        // the capped worker's spool fills while the NameNode is away; observed, not injected
        faults.add(new Fault(Kind.SPOOL_FULL, ProofPipeline.CAPPED_WORKER, Duration.ofSeconds(nnAt), Duration.ZERO));
        // the YARN track: the orchestrator during a cycle, then a NodeManager during a job; twice each in a full run.
        // The restarted orchestrator takes the dead one's lease and job lock over at once (same host, its pid gone).
        int yarnRounds = full ? 2 : 1;
        for (int i = 0; i < yarnRounds; i++) {
            long at = total * (2 * i + 1) / (2 * yarnRounds + 6) + random.nextInt(5);
            faults.add(
                    new Fault(Kind.KILL_ORCHESTRATOR_DURING_CYCLE, "", Duration.ofSeconds(at), Duration.ofSeconds(2)));
            faults.add(
                    new Fault(Kind.KILL_NODEMANAGER_DURING_JOB, "", Duration.ofSeconds(at + 1), Duration.ofSeconds(5)));
        }
        // a job the orchestrator runs on the local job runner, inside its own JVM (automatic local mode), killed with
        // it
        faults.add(new Fault(
                Kind.KILL_ORCHESTRATOR_DURING_LOCAL_JOB,
                "",
                Duration.ofSeconds(total * (full ? 5 : 3) / 10 + random.nextInt(5)),
                Duration.ofSeconds(2)));
        // an hour of raw files that closed without being compacted (the master was down for it) is compacted, and the
        // orchestrator is killed while it writes a compacted file
        faults.add(new Fault(
                Kind.KILL_ORCHESTRATOR_DURING_COMPACTION,
                "",
                Duration.ofSeconds(total * (full ? 6 : 7) / 10 + random.nextInt(5)),
                Duration.ofSeconds(2)));
        // the loader, mid-partition: once in a short run, twice in a full one
        for (int i = 0; i < (full ? 2 : 1); i++) {
            long at = total * (i + 1) / (full ? 3 : 4) + random.nextInt(10);
            faults.add(new Fault(Kind.KILL_LOADER_MID_PARTITION, "", Duration.ofSeconds(at), Duration.ofSeconds(2)));
        }
        faults.sort(Comparator.comparing(Fault::at));
        return new FaultSchedule(seed, duration, List.copyOf(faults));
    }

    List<Fault> track(String track) {
        return faults.stream().filter(f -> f.kind().track.equals(track)).toList();
    }
}
