package org.picu.proof;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * Carries out a {@link FaultSchedule}: one thread per track, each fault at its offset (or after the previous one
 * of its track), every kill aimed at work in flight and the evidence of that work written to the {@link FaultLog}.
 */
final class FaultInjector {
    private final FaultSchedule schedule;
    private final HadoopDaemons hadoop;
    private final ProofPipeline pipeline;
    private final String jdbcUrl;
    private final FaultLog log;
    private final AtomicReference<String> spoolWriteTarget = new AtomicReference<>();
    private final AtomicReference<String> spoolWriteEvidence = new AtomicReference<>();
    private final Set<String> usedApps = new HashSet<>();
    /** How long the drain waits for the orchestrator to publish the last raw files. */
    static final Duration DRAIN_PUBLISH_WAIT = Duration.ofMinutes(5);

    private Instant start;
    private Instant deadline;
    private Instant loadDeadline;

    FaultInjector(FaultSchedule schedule, HadoopDaemons hadoop, ProofPipeline pipeline, LiveSite site,
                  String jdbcUrl, FaultLog log) {
        this.schedule = schedule;
        this.hadoop = hadoop;
        this.pipeline = pipeline;
        this.jdbcUrl = jdbcUrl;
        this.log = log;
        site.onServed(this::recordsServed);
    }

    /**
     * Starts the tracks; faults whose work never shows up are given up at {@code start + duration + grace} (the
     * loader's later: it may be caught loading what the drain publishes).
     *
     * @return the track threads by track name, to join
     */
    java.util.Map<String, Thread> start(Instant runStart, Duration grace) {
        this.start = runStart;
        this.deadline = runStart.plus(schedule.duration()).plus(grace);
        // the drain publishes the last raw files and waits up to 5 min for that: the loader may still be caught then
        this.loadDeadline = deadline.plus(DRAIN_PUBLISH_WAIT).plus(Duration.ofMinutes(1));
        java.util.Map<String, Thread> threads = new java.util.LinkedHashMap<>();
        for (String track : List.of("hdfs", "yarn", "load", "cap")) {
            List<FaultSchedule.Fault> faults = schedule.track(track);
            Thread t = new Thread(() -> faults.forEach(this::inject), "faults-" + track);
            t.setDaemon(true);
            t.start();
            threads.put(track, t);
        }
        return threads;
    }

    private void inject(FaultSchedule.Fault fault) {
        Instant due = start.plus(fault.at());
        while (Instant.now().isBefore(due)) {
            Poll.sleep(Duration.ofMillis(200));
        }
        FaultLog.Outcome outcome;
        try {
            outcome = switch (fault.kind()) {
                case KILL_WORKER_DURING_SPOOL_WRITE -> killWorkerDuringSpoolWrite(fault);
                case KILL_WORKER_DURING_UPLOAD -> killWorkerDuringUpload(fault);
                case STOP_NAMENODE -> outage(fault, hadoop.nameNode);
                case STOP_DATANODE -> outage(fault, hadoop.dataNode);
                case KILL_NODEMANAGER_DURING_JOB -> killDuringJob(fault, hadoop.nodeManager, true);
                case KILL_ORCHESTRATOR_DURING_CYCLE -> killDuringJob(fault, pipeline.orchestrator, false);
                case KILL_ORCHESTRATOR_DURING_LOCAL_JOB -> killDuringLocalJob(fault);
                case KILL_ORCHESTRATOR_DURING_COMPACTION -> killDuringCompaction(fault);
                case KILL_LOADER_MID_PARTITION -> killLoaderMidPartition(fault);
                case SPOOL_FULL -> spoolFull(fault);
            };
        } catch (RuntimeException e) {
            log.event(fault.toString(), "failed", e.toString());
            outcome = new FaultLog.Outcome(fault, false, false, Instant.now(), "injector failed: " + e);
        }
        log.outcome(outcome);
    }

    // ---- workers

    private ChildJvm worker(String id) {
        return ProofPipeline.FULL_WORKER.equals(id) ? pipeline.w1 : pipeline.w2;
    }

    /** Armed by the spool-write fault: the site calls this right after it sent records to a worker. */
    private void recordsServed(String worker, String source, long servedAt) {
        String armed = spoolWriteTarget.get();
        if (worker.equals(armed) && spoolWriteTarget.compareAndSet(armed, null)) {
            ChildJvm jvm = worker(worker);
            long pid = jvm.pid();
            String open = tmpFiles(pipeline.spool(worker));
            jvm.kill();
            long after = System.currentTimeMillis() - servedAt;
            spoolWriteEvidence.set("pid " + pid + ", " + source + " records served to " + worker + " " + after
                    + " ms before the process was gone; spool files being written at the kill: " + open
                    + ", left by it: " + tmpFiles(pipeline.spool(worker)));
            log.event(
                    "kill worker during spool write",
                    "SIGKILL " + jvm.name() + " pid " + pid,
                    spoolWriteEvidence.get());
        }
    }

    private FaultLog.Outcome killWorkerDuringSpoolWrite(FaultSchedule.Fault fault) {
        ChildJvm jvm = worker(fault.target());
        spoolWriteEvidence.set(null);
        spoolWriteTarget.set(fault.target());
        boolean hit = Poll.until(remaining(), Duration.ofMillis(100), () -> spoolWriteEvidence.get() != null);
        spoolWriteTarget.set(null);
        if (!hit) {
            return new FaultLog.Outcome(
                    fault, false, false, Instant.now(), fault.target() + " was never served a record");
        }
        Instant at = Instant.now();
        restart(fault.toString(), jvm, Duration.ofSeconds(1));
        return new FaultLog.Outcome(
                fault, true, spoolWriteEvidence.get().contains(".tmp"), at, spoolWriteEvidence.get());
    }

    private FaultLog.Outcome killWorkerDuringUpload(FaultSchedule.Fault fault) {
        ChildJvm jvm = worker(fault.target());
        long armedAt = System.currentTimeMillis();
        String prefix = ".upbit." + fault.target() + ".";
        AtomicReference<String> seen = new AtomicReference<>();
        try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
            Poll.until(
                    Duration.ofSeconds(90).compareTo(remaining()) < 0 ? Duration.ofSeconds(90) : remaining(),
                    Duration.ofMillis(20),
                    () -> {
                        org.apache.hadoop.fs.Path dir =
                                new org.apache.hadoop.fs.Path("/raw/upbit/" + PartitionDate.of(Instant.now()));
                        try {
                            for (FileStatus s : fs.listStatus(dir)) {
                                String name = s.getPath().getName();
                                if (name.startsWith(prefix)
                                        && name.endsWith(".uploading")
                                        && s.getModificationTime() >= armedAt - 1000) {
                                    seen.set(name + " (" + s.getLen() + " bytes so far)");
                                    return true;
                                }
                            }
                        } catch (IOException e) {
                            // not there yet, or HDFS is down: keep looking
                        }
                        return false;
                    });
        } catch (IOException e) {
            throw new ProofException("cannot open an HDFS client", e);
        }
        long pid = jvm.pid();
        jvm.kill();
        Instant at = Instant.now();
        String evidence = seen.get() == null ? "no upload of " + fault.target() + " was seen in flight; killed anyway"
                : "upload in flight: /raw/upbit/.../" + seen.get();
        log.event(fault.toString(), "SIGKILL " + jvm.name() + " pid " + pid, evidence);
        restart(fault.toString(), jvm, Duration.ofSeconds(1));
        return new FaultLog.Outcome(fault, true, seen.get() != null, at, evidence);
    }

    private FaultLog.Outcome spoolFull(FaultSchedule.Fault fault) {
        ChildJvm jvm = worker(fault.target());
        AtomicReference<String> line = new AtomicReference<>();
        Poll.until(remaining(), Duration.ofSeconds(1), () -> {
            try (Stream<String> lines = Files.lines(jvm.log())) {
                lines.filter(l -> l.contains("is full:")).findFirst().ifPresent(line::set);
            } catch (IOException | java.io.UncheckedIOException e) {
                return false;
            }
            return line.get() != null;
        });
        if (line.get() == null) {
            return new FaultLog.Outcome(
                    fault, false, false, Instant.now(), "the spool of " + fault.target() + " never reached its cap");
        }
        log.event(fault.toString(), "observed in " + jvm.log().getFileName(), line.get().trim());
        return new FaultLog.Outcome(fault, true, true, Instant.now(), line.get().trim());
    }

    // ---- Hadoop daemons

    private FaultLog.Outcome outage(FaultSchedule.Fault fault, ChildJvm daemon) {
        long pid = daemon.pid();
        daemon.stop(Duration.ofSeconds(30));
        Instant at = Instant.now();
        log.event(
                fault.toString(),
                "SIGTERM " + daemon.name() + " pid " + pid,
                "down for " + fault.hold().toSeconds() + " s");
        Poll.sleep(fault.hold());
        daemon.start();
        Instant restarted = Instant.now();
        long since = restarted.toEpochMilli();
        boolean ready = Poll.until(Duration.ofMinutes(3), Duration.ofSeconds(1), () -> hadoop.hdfsReadySince(since));
        log.event(fault.toString(), "restarted " + daemon.name() + " pid " + daemon.pid(),
                ready ? "HDFS ready again after " + Duration.between(restarted, Instant.now()).toSeconds() + " s"
                        : "HDFS not ready 3 min after the restart");
        return new FaultLog.Outcome(
                fault, true, true, at, "down " + Duration.between(at, restarted).toSeconds() + " s");
    }

    /** Kills the process while a YARN application is RUNNING (a job the orchestrator submitted in a cycle). */
    private FaultLog.Outcome killDuringJob(FaultSchedule.Fault fault, ChildJvm target, boolean waitForYarn) {
        AtomicReference<ApplicationReport> running = new AtomicReference<>();
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(hadoop.clientConf());
            yarn.start();
            Poll.until(remaining(), Duration.ofMillis(250), () -> {
                try {
                    for (ApplicationReport app : yarn.getApplications(EnumSet.of(YarnApplicationState.RUNNING))) {
                        synchronized (usedApps) {
                            if (usedApps.add(app.getApplicationId().toString())) {
                                running.set(app);
                                return true;
                            }
                        }
                    }
                } catch (Exception e) {
                    // ResourceManager busy or restarting: ask again
                }
                return false;
            });
        } catch (IOException e) {
            throw new ProofException("cannot close the YARN client", e);
        }
        if (running.get() == null) {
            return new FaultLog.Outcome(fault, false, false, Instant.now(), "no job was running before the deadline");
        }
        long pid = target.pid();
        target.kill();
        Instant at = Instant.now();
        ApplicationReport app = running.get();
        String evidence = "job in flight: " + app.getApplicationId() + " '" + app.getName() + "' RUNNING";
        log.event(fault.toString(), "SIGKILL " + target.name() + " pid " + pid, evidence);
        restart(fault.toString(), target, fault.hold());
        if (waitForYarn) {
            Poll.until(Duration.ofMinutes(2), Duration.ofSeconds(1), hadoop::yarnReady);
        }
        return new FaultLog.Outcome(fault, true, true, at, evidence);
    }

    /**
     * Waits until the orchestrator starts a job on the local job runner (its log says "running on the local job
     * runner"), and SIGKILLs it while that job runs inside it: the job's map and reduce work, its staging output and
     * its lease and lock die with the JVM, and the restarted orchestrator must run the partition again.
     */
    private FaultLog.Outcome killDuringLocalJob(FaultSchedule.Fault fault) {
        java.util.regex.Pattern started = java.util.regex.Pattern.compile(
                "JobExecutor\\W+(\\S+ \\d{8}): running on the local job runner");
        int[] seen = {count(started, pipeline.orchestrator.log())};
        AtomicReference<String> job = new AtomicReference<>();
        Poll.until(remaining(), Duration.ofMillis(100), () -> {
            List<String> all = matches(started, pipeline.orchestrator.log());
            if (all.size() > seen[0]) {
                job.set(all.get(all.size() - 1));
                return true;
            }
            seen[0] = Math.min(seen[0], all.size()); // the log restarts empty only if deleted; keep counting
            return false;
        });
        if (job.get() == null) {
            return new FaultLog.Outcome(fault, false, false, Instant.now(), "no local job started before the deadline");
        }
        long pid = pipeline.orchestrator.pid();
        pipeline.orchestrator.kill();
        Instant at = Instant.now();
        String evidence = "local job in flight in the orchestrator: " + job.get();
        log.event(fault.toString(), "SIGKILL " + pipeline.orchestrator.name() + " pid " + pid, evidence);
        restart(fault.toString(), pipeline.orchestrator, fault.hold());
        return new FaultLog.Outcome(fault, true, true, at, evidence);
    }

    /**
     * Gives the orchestrator a closed hour to compact and SIGKILLs it while it writes a compacted file. A run of a few
     * minutes seldom sees an hour close, so the raw files the workers shipped this hour are made to look as HDFS shows
     * the files of an hour during which the orchestrator was down: their modification time, the NameNode's arrival time
     * that decides a file's hour, is set back into the previous hour. Nothing else about them changes (names, content,
     * place), and readers do not look at it. The orchestrator's next cycle compacts that hour; the injector watches the
     * raw directories for a compaction's hidden temporary file ({@code .<name>.compacting}) and kills the orchestrator
     * when one is there. Up to three rounds (each with the files that arrived meanwhile); in the first hour of a UTC
     * day (no closed hour of the day exists) or if no round is caught, it kills the orchestrator during a compaction
     * pass (the compaction lease held) with nothing to merge.
     */
    private FaultLog.Outcome killDuringCompaction(FaultSchedule.Fault fault) {
        String caught = null;
        String backdated = "";
        boolean leaseSeen = false;
        try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf())) {
            for (int round = 0; round < 3 && caught == null && remaining().compareTo(Duration.ofSeconds(5)) > 0;
                    round++) {
                Instant now = Instant.now();
                PartitionDate today = PartitionDate.of(now);
                Instant hourStart = now.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                if (!hourStart.isAfter(today.start())) {
                    backdated = "none: the run is in the first hour of the UTC day, no hour of the day has closed";
                    break;
                }
                // the proof's compact-after-minutes: the previous hour closes for compaction that long after it ends
                Instant closes = hourStart.plus(ProofPipeline.COMPACT_AFTER);
                while (Instant.now().isBefore(closes)) {
                    Poll.sleep(Duration.ofSeconds(1));
                }
                long previousHour = hourStart.minus(Duration.ofMinutes(30)).toEpochMilli();
                int moved = 0;
                try {
                    for (FileStatus dir : globOrEmpty(fs, "/raw/*/" + today)) {
                        for (FileStatus f : fs.listStatus(dir.getPath())) {
                            if (org.picu.model.layout.RawFileName.matches(f.getPath().getName())
                                    && f.getModificationTime() >= hourStart.toEpochMilli()) {
                                fs.setTimes(f.getPath(), previousHour, -1);
                                moved++;
                            }
                        }
                    }
                } catch (IOException e) {
                    // HDFS down (the NameNode or DataNode outage): the next round tries again
                    log.event(fault.toString(), "retrying", "HDFS: " + e.getMessage());
                    Poll.sleep(Duration.ofSeconds(2));
                    continue;
                }
                backdated = moved + " raw files of this hour set back to " + Instant.ofEpochMilli(previousHour);
                log.event(fault.toString(), "closed hour", backdated);
                long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
                while (caught == null && System.nanoTime() < until) {
                    for (FileStatus dir : globOrEmpty(fs, "/raw/*/" + today)) {
                        for (FileStatus f : listOrEmpty(fs, dir.getPath())) {
                            if (f.getPath().getName().endsWith(".compacting")) {
                                caught = dir.getPath().getParent().getName() + "/" + f.getPath().getName();
                                break;
                            }
                        }
                        if (caught != null) {
                            break;
                        }
                    }
                    if (caught == null) {
                        Poll.sleep(Duration.ofMillis(5));
                    }
                }
            }
            if (caught == null) {
                // a compaction pass with nothing to merge: the orchestrator holds the compaction lease for a moment
                // every cycle
                org.apache.hadoop.fs.Path lease = new org.apache.hadoop.fs.Path("/locks/compaction.lease");
                leaseSeen = Poll.until(remaining(), Duration.ofMillis(5), () -> {
                    try {
                        return fs.exists(lease);
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException e) {
            throw new ProofException("cannot reach HDFS to stage a closed hour", e);
        }
        long pid = pipeline.orchestrator.pid();
        pipeline.orchestrator.kill();
        Instant at = Instant.now();
        String evidence = caught != null
                ? "compaction in flight, writing " + caught + " (" + backdated + ")"
                : "no compacted file seen being written (" + backdated + "); killed "
                        + (leaseSeen ? "while it held the compaction lease" : "at the deadline");
        log.event(fault.toString(), "SIGKILL " + pipeline.orchestrator.name() + " pid " + pid, evidence);
        restart(fault.toString(), pipeline.orchestrator, fault.hold());
        return new FaultLog.Outcome(fault, true, caught != null, at, evidence);
    }

    private static FileStatus[] globOrEmpty(FileSystem fs, String pattern) {
        try {
            FileStatus[] found = fs.globStatus(new org.apache.hadoop.fs.Path(pattern));
            return found == null ? new FileStatus[0] : found;
        } catch (IOException e) {
            return new FileStatus[0];
        }
    }

    private static FileStatus[] listOrEmpty(FileSystem fs, org.apache.hadoop.fs.Path dir) {
        try {
            return fs.listStatus(dir);
        } catch (IOException e) {
            return new FileStatus[0];
        }
    }

    private static int count(java.util.regex.Pattern pattern, Path log) {
        return matches(pattern, log).size();
    }

    private static List<String> matches(java.util.regex.Pattern pattern, Path log) {
        List<String> found = new java.util.ArrayList<>();
        try {
            java.util.regex.Matcher m = pattern.matcher(Files.readString(log));
            while (m.find()) {
                found.add(m.group(1));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // not written yet
        }
        return found;
    }

    // ---- the loader

    /**
     * Waits for a published market_ticks partition that is not loaded yet, holds a write lock on
     * {@code market_trends} so that the loader's transaction stops inside the partition (after its ledger row, at
     * its first statement on the table), SIGKILLs tier-2 while it waits there, releases the lock and restarts it.
     * The lock is the kind of wait any concurrent session can cause; it only makes "mid-partition" observable.
     */
    private FaultLog.Outcome killLoaderMidPartition(FaultSchedule.Fault fault) {
        while (Instant.now().isBefore(loadDeadline)) {
            if (!unloadedPartitionExists()) {
                Poll.sleep(Duration.ofMillis(200));
                continue;
            }
            try (Connection c = DriverManager.getConnection(jdbcUrl, org.picu.tier2.db.EmbeddedMariaDb.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("LOCK TABLES market_trends WRITE");
                try {
                    Optional<String> waiting = Optional.empty();
                    long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                    while (waiting.isEmpty() && System.nanoTime() < until) {
                        waiting = blockedLoad(c);
                        if (waiting.isEmpty()) {
                            Poll.sleep(Duration.ofMillis(100));
                        }
                    }
                    if (waiting.isPresent()) {
                        long pid = pipeline.tier2.pid();
                        pipeline.tier2.kill();
                        Instant at = Instant.now();
                        log.event(fault.toString(), "SIGKILL " + pipeline.tier2.name() + " pid " + pid, waiting.get());
                        s.execute("UNLOCK TABLES");
                        restart(fault.toString(), pipeline.tier2, fault.hold());
                        return new FaultLog.Outcome(fault, true, true, at, waiting.get());
                    }
                } finally {
                    s.execute("UNLOCK TABLES");
                }
            } catch (SQLException e) {
                log.event(fault.toString(), "retrying", "database: " + e.getMessage());
                Poll.sleep(Duration.ofSeconds(1));
            }
        }
        return new FaultLog.Outcome(
                fault, false, false, Instant.now(), "no partition load was caught before the deadline");
    }

    private boolean unloadedPartitionExists() {
        try (FileSystem fs = FileSystem.newInstance(hadoop.fileSystemUri(), hadoop.clientConf());
             Connection c = DriverManager.getConnection(jdbcUrl, org.picu.tier2.db.EmbeddedMariaDb.USER, "")) {
            FileStatus[] manifests =
                    fs.globStatus(new org.apache.hadoop.fs.Path("/cleaned/market_ticks/*/_manifest.json"));
            if (manifests == null) {
                return false;
            }
            for (FileStatus m : manifests) {
                PartitionManifest manifest;
                try (var in = fs.open(m.getPath())) {
                    manifest = PartitionManifest.fromJson(
                            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
                try (PreparedStatement q = c.prepareStatement(
                        "SELECT 1 FROM load_ledger WHERE dataset = 'market_ticks' AND run_id = ?")) {
                    q.setString(1, manifest.runId());
                    try (ResultSet r = q.executeQuery()) {
                        if (!r.next()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException | SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Another session's statement on market_trends waiting for our table lock, with its open transaction. */
    private static Optional<String> blockedLoad(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT p.ID, p.STATE, LEFT(p.INFO, 90), t.trx_rows_modified, t.trx_started"
                     + " FROM information_schema.PROCESSLIST p LEFT JOIN information_schema.INNODB_TRX t"
                     + " ON t.trx_mysql_thread_id = p.ID WHERE p.ID <> CONNECTION_ID()"
                     + " AND p.STATE LIKE '%metadata lock%' AND p.INFO LIKE '%market_trends%'"
                     // the loader's session, inside its partition transaction (its ledger row written): not an API read
                     + " AND t.trx_rows_modified > 0")) {
            if (r.next()) {
                return Optional.of("loader session " + r.getLong(1) + " inside its partition transaction (started "
                        + r.getString(5) + ", " + r.getLong(4) + " row(s) written, uncommitted) waiting at: "
                        + r.getString(3).replaceAll("\\s+", " ") + "…");
            }
            return Optional.empty();
        }
    }

    // ---- helpers

    private void restart(String fault, ChildJvm jvm, Duration after) {
        Poll.sleep(after);
        jvm.start();
        log.event(fault, "restarted " + jvm.name() + " pid " + jvm.pid(), "");
    }

    private Duration remaining() {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static String tmpFiles(Path spool) {
        try (Stream<Path> files = Files.walk(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .map(p -> p.getFileName() + " (" + size(p) + " bytes)").toList().toString();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "[unreadable: " + e.getMessage() + "]";
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
