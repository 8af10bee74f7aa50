package org.picu.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.spool.SpoolDirectory;

/** The command line end to end against the replayed Upbit API, with Hadoop's local file system as "HDFS". */
class WorkerMainTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void help_lists_the_commands_and_every_command_has_help() {
        assertEquals(0, run("--help"));
        for (String command : List.of("crawl", "upload", "daemon", "status", "cleanup")) {
            assertTrue(out.toString().contains(command), out.toString());
        }
        for (String command : List.of("crawl", "upload", "daemon", "status", "cleanup")) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"), command);
            assertTrue(out.toString().contains("Usage: picu-worker " + command), out.toString());
        }
    }

    @Test
    void crawl_help_lists_the_sources() {
        assertEquals(0, run("crawl", "--help"));
        assertTrue(out.toString().contains("upbit, fear_greed"), out.toString());
    }

    @Test
    void usage_errors_exit_with_two() throws IOException {
        assertEquals(2, run());
        assertTrue(
                err.toString().contains("Missing command: crawl, upload, daemon, status or cleanup"), err.toString());
        assertEquals(2, run("crawl", "upbit"));
        assertTrue(err.toString().contains("Missing required option: '--config=<file>'"), err.toString());
        assertEquals(2, run("crawl", "--config", "worker.yml"));
        Path config = WorkerConfigFiles.write(
                dir, dir.resolve("spool"), "file://" + dir.resolve("hdfs"), "http://127.0.0.1:9");
        assertEquals(2, run("crawl", "nosuch", "--config", config.toString()));
        assertTrue(
                err.toString().contains("Unknown source 'nosuch'; known sources: upbit, fear_greed"), err.toString());
        assertEquals(2, run("cleanup", "--retention", "soon", "--config", config.toString()));
        assertTrue(err.toString().contains("--retention 'soon' is not an age"), err.toString());
        assertEquals(2, run("daemon", "--config", config.toString()));
        assertTrue(err.toString().contains("assignments.w1 lists no source"), err.toString());
        assertEquals(2, run("fetch"));
    }

    @Test
    void an_invalid_config_exits_with_two_listing_every_problem() throws IOException {
        Path config = Files.writeString(dir.resolve("worker.yml"), "worker: {id: W1}\nspool: {rol-bytes: 1}\n");

        assertEquals(2, run("upload", "--config", config.toString()));

        String message = err.toString();
        assertTrue(message.contains("has 4 problems"), message);
        assertTrue(message.contains("unknown key 'spool.rol-bytes'"), message);
        assertTrue(message.contains("worker.id 'W1'"), message);
    }

    @Test
    void crawl_then_upload_ships_the_spool_file() throws Exception {
        Path spool = dir.resolve("spool");
        Path hdfs = Files.createDirectories(dir.resolve("hdfs"));
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = WorkerConfigFiles.write(dir, spool, hdfs.toUri().toString(), upbit.baseUrl());

            assertEquals(0, run("crawl", "upbit", "--config", config.toString()), err.toString());
            assertEquals("crawl upbit: 9 records written, 0 rejected, 1 file rolled", lastLine());
            assertEquals(0, run("upload", "--config", config.toString()), err.toString());
            assertEquals("upload: 1 shipped, 0 already in HDFS, 0 failed, 0 deferred", lastLine());
        }

        List<Path> shipped = files(hdfs.resolve("raw/upbit"), ".jsonl");
        assertEquals(1, shipped.size());
        assertEquals("upbit.w1.000000000000-000000000008.jsonl", shipped.get(0).getFileName().toString());
        assertEquals(9, Files.readAllLines(shipped.get(0)).size());
        assertEquals(1, files(spool, ".uploaded").size());
        assertEquals(0, files(spool, ".jsonl").size());
    }

    @Test
    void status_shows_the_backlog_and_last_success_and_cleanup_removes_only_shipped_files() throws Exception {
        Path spool = dir.resolve("spool");
        Path hdfs = Files.createDirectories(dir.resolve("hdfs"));
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = WorkerConfigFiles.write(dir, spool, hdfs.toUri().toString(), upbit.baseUrl());
            assertEquals(0, run("crawl", "upbit", "--config", config.toString()), err.toString());
            // the same spool, the site answering 404 for the market list: the run fails and says why
            Path gone = WorkerConfigFiles.write(Files.createDirectories(dir.resolve("gone")), spool,
                    hdfs.toUri().toString(), upbit.baseUrl() + "/gone");
            assertEquals(1, run("crawl", "upbit", "--config", gone.toString()));

            assertEquals(0, run("status", "--config", config.toString()));
            String before = out.toString();
            assertTrue(before.contains("backlog: 1 files"), before);
            assertTrue(before.matches("(?s).*  \\d{8}: 1 files, \\d+ bytes.*"), before);
            assertTrue(
                    before.contains("oldest unshipped: ")
                            && before.contains("upbit.w1.000000000000-000000000008.jsonl"),
                    before);
            assertTrue(
                    before.matches("(?s).*\n"
                            + "  upbit: last success 20\\S+Z; 2 runs, 1 failed, 9 records, no rejects; last run"
                            + " \\S+ failed; last failure \\S+ http_404 \\(GET \\S+/gone/v1/market/all\\S*"
                            + " returned HTTP 404.*"),
                    before);

            assertEquals(0, run("cleanup", "--retention", "0d", "--config", config.toString()));
            assertEquals(
                    "cleanup: 0 shipped files deleted (0 bytes), 0 empty date folders removed, 1 unshipped files kept",
                    lastLine());
            assertEquals(1, files(spool, ".jsonl").size(), "an unshipped file survives any retention");

            assertEquals(0, run("upload", "--config", config.toString()));
            out.getBuffer().setLength(0);
            assertEquals(0, run("status", "--config", config.toString()));
            assertTrue(out.toString().contains("backlog: 0 files") && out.toString().contains("oldest unshipped: none"),
                    out.toString());

            assertEquals(0, run("cleanup", "--retention", "7d", "--config", config.toString()));
            assertEquals(1, files(spool, ".uploaded").size(), "a shipped file younger than 7 days is kept");
            assertEquals(0, run("cleanup", "--retention", "0d", "--config", config.toString()));
            assertTrue(lastLine().startsWith("cleanup: 1 shipped files deleted"), lastLine());
            assertEquals(0, files(spool, ".uploaded").size());
        }
    }

    @Test
    void an_upload_overlapping_a_running_one_does_nothing() throws Exception {
        Path spool = dir.resolve("spool");
        Path config = WorkerConfigFiles.write(dir, spool, dir.toUri().toString(), "http://127.0.0.1:9");

        try (AutoCloseable running = new SpoolDirectory(spool).tryLockForUpload().orElseThrow()) {
            assertEquals(0, run("upload", "--config", config.toString()));
        }

        assertTrue(lastLine().startsWith("upload: another upload of "), lastLine());
    }

    @Test
    void damaged_tickers_are_counted_in_the_summary() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit-damaged")) {
            Path config = WorkerConfigFiles.write(dir, dir.resolve("spool"), "file:///unused", upbit.baseUrl());

            assertEquals(0, run("crawl", "upbit", "--config", config.toString()), err.toString());
            assertEquals("crawl upbit: 1 records written, 7 rejected, 1 file rolled", lastLine());
        }
    }

    @Test
    void a_crawl_that_fails_exits_with_one() throws Exception {
        try (ReplayServer upbit = ReplayServer.start("upbit-broken-list")) {
            Path config = WorkerConfigFiles.write(dir, dir.resolve("spool"), "file:///unused", upbit.baseUrl());

            assertEquals(1, run("crawl", "upbit", "--config", config.toString()));
        }
    }

    @Test
    void an_upload_with_hdfs_down_exits_with_one_and_keeps_the_files() throws Exception {
        Path spool = dir.resolve("spool");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            Path config = WorkerConfigFiles.write(dir, spool, "hdfs://127.0.0.1:" + port, upbit.baseUrl());
            assertEquals(0, run("crawl", "upbit", "--config", config.toString()));

            assertEquals(1, run("upload", "--config", config.toString()));
            assertEquals("upload: 0 shipped, 0 already in HDFS, 1 failed, 0 deferred", lastLine());
        }
        assertEquals(1, files(spool, ".jsonl").size());
    }

    private int run(String... args) {
        return WorkerMain.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private String lastLine() {
        List<String> lines = out.toString().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
