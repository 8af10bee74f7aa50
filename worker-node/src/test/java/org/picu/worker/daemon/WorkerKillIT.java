package org.picu.worker.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.WorkerMain;
import org.picu.worker.upload.MiniHdfs;

/**
 * SIGKILLs a real worker process (a separate JVM running {@code daemon}) at several points while it crawls
 * into the spool and uploads, restarts it each time, and proves afterwards that no record was lost, none is
 * in HDFS twice, and no partial file was ever visible in {@code /raw} (a watcher reads every visible file
 * throughout). A record counts as stored once its line is complete on disk: lines still in the writer's
 * buffer at the kill were never acknowledged and are crawled again by the next run.
 */
class WorkerKillIT {
    /**
     * Kill points: {@code write+N} = N ms after the restarted worker has a spool file open (it appends every
     * second); {@code upload} = the moment a new file appears in HDFS (the uploader has just renamed it and
     * may not have marked it locally yet, and the next upload of the round is starting).
     */
    private static final List<String> KILL_POINTS = List.of("write+0", "upload", "write+700", "upload");

    @TempDir(factory = org.picu.worker.TargetTempDirFactory.class)
    Path work;

    private MiniDFSCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void killed_workers_lose_nothing_duplicate_nothing_and_never_expose_a_partial_file() throws Exception {
        cluster = MiniHdfs.start("kill");
        Path spool = work.resolve("spool");
        FileSystem hdfs = cluster.getFileSystem();
        String raw = cluster.getURI() + "/raw";
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = DaemonConfigs.write(work, spool, cluster.getURI().toString(), upbit.baseUrl(), "PT0.3S");
            AtomicBoolean watching = new AtomicBoolean(true);
            AtomicReference<Throwable> partialSeen = new AtomicReference<>();
            Thread watcher = new Thread(() -> {
                while (watching.get() && partialSeen.get() == null) {
                    try {
                        RawTree.hdfsSeqs(hdfs, raw);
                        Thread.sleep(50);
                    } catch (AssertionError e) {
                        partialSeen.set(e);
                    } catch (Exception e) {
                        // a file renamed between listing and reading: look again
                    }
                }
            });
            watcher.start();

            int killedWhileWriting = 0;
            for (int i = 0; i < KILL_POINTS.size(); i++) {
                String point = KILL_POINTS.get(i);
                Process worker = start(config, "daemon", i);
                if (point.equals("upload")) {
                    long shipped = RawTree.hdfsSeqs(hdfs, raw).size();
                    awaitOrDie(worker, () -> RawTree.hdfsSeqs(hdfs, raw).size() > shipped, i);
                } else {
                    awaitOrDie(worker, () -> tmpFiles(spool) > 0, i);
                    Thread.sleep(Long.parseLong(point.substring("write+".length())));
                    killedWhileWriting += tmpFiles(spool) > 0 ? 1 : 0; // an open spool file at the kill
                }
                worker.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no roll, no final upload
                assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
                assertEquals(137, worker.exitValue(), "killed by SIGKILL");
            }

            Process last = start(config, "daemon --duration PT2S", KILL_POINTS.size());
            assertTrue(last.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, last.exitValue(), "a clean run after the kills; see " + log(KILL_POINTS.size()));
            assertEquals(0, WorkerMain.run("upload", "--config", config.toString()));
            watching.set(false);
            watcher.join(5000);

            assertNull(partialSeen.get(), "a partial file was visible in /raw");
            assertEquals(2, killedWhileWriting, "the write kills hit an open spool file");
            assertEquals(0, tmpFiles(spool), "the clean run recovered every torn spool file");
            List<Long> inHdfs = RawTree.hdfsSeqs(hdfs, raw);
            List<Long> inSpool = RawTree.spoolSeqs(spool);
            assertTrue(inHdfs.size() >= 18, "the workers crawled at least two runs: " + inHdfs.size());
            assertEquals(inHdfs.size(), new HashSet<>(inHdfs).size(), "no record twice in HDFS");
            assertEquals(new HashSet<>(inSpool), new HashSet<>(inHdfs), "every stored record reached HDFS");
            assertEquals(inHdfs.size() - 1, inHdfs.stream().mapToLong(Long::longValue).max().orElseThrow(),
                    "sequence numbers 0..n-1: no stored record lost");
            assertEquals(0, hiddenUploads(hdfs, raw), "no .uploading leftover visible or hidden at the end");
        }
    }

    private Process start(Path config, String command, int run) throws Exception {
        Files.createDirectories(log(run).getParent());
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Djava.net.preferIPv4Stack=true",
                "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(),
                "-Dlog4j.configuration=log4j.properties",
                "-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
        args.addAll(List.of(command.split(" ")));
        args.addAll(List.of("--config", config.toString()));
        return new ProcessBuilder(args)
                .directory(new File(System.getProperty("user.dir")))
                .redirectErrorStream(true)
                .redirectOutput(log(run).toFile())
                .start();
    }

    /** Child logs stay in target/ after the test for a look when it fails. */
    private static Path log(int run) {
        return Path.of("target", "worker-kill-it", "worker-" + run + ".log").toAbsolutePath();
    }

    private static void awaitOrDie(Process worker, Check check, int run) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!check.holds()) {
            if (!worker.isAlive() || System.nanoTime() > end) {
                worker.destroyForcibly();
                throw new AssertionError("worker " + run + " never reached its kill point; see " + log(run));
            }
            Thread.sleep(20);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static long tmpFiles(Path spool) throws Exception {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(spool)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".jsonl.tmp")).count();
        }
    }

    private static long hiddenUploads(FileSystem hdfs, String raw) throws Exception {
        long count = 0;
        var files = hdfs.listFiles(new org.apache.hadoop.fs.Path(raw), true);
        while (files.hasNext()) {
            count += files.next().getPath().getName().endsWith(".uploading") ? 1 : 0;
        }
        return count;
    }
}
