package org.picu.master;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code conf/bin/picu-master}, the command Ansible installs and the units run, from this build tree
 * ({@code target/dist/lib}): the logging every process gets without options, and the exit code of a bad config.
 */
class MasterLauncherIT {
    private static final Path LAUNCHER = Paths.get("..", "conf", "bin", "picu-master").toAbsolutePath().normalize();
    private static final Path WORK = Paths.get("target", "test-data", "master-launcher").toAbsolutePath();

    @Test
    void a_missing_config_is_a_clear_error_with_exit_2_and_no_log4j_warning() throws Exception {
        Result r = run(List.of("health", "--config", "/nonexist.yml"), WORK.resolve("logs-missing"));
        assertEquals(2, r.exit, r.err);
        assertTrue(
                r.err.contains("picu-master health: configuration /nonexist.yml has 1 problem(s):\n  - no such file"),
                r.err);
        assertFalse(r.err.contains("log4j:"), "log4j has its configuration:\n" + r.err);
    }

    @Test
    void a_command_logs_to_stderr_and_to_a_rolled_file_with_one_layout() throws Exception {
        Path root = Files.createDirectories(WORK.resolve("layout"));
        Path config = Files.writeString(WORK.resolve("master.yml"), "layout:\n  root: " + root.toUri() + "\n");
        Path logs = WORK.resolve("logs-run");
        Result r = run(List.of("run-date", "20261121", "--config", config.toString()), logs);
        assertEquals(0, r.exit, r.err);
        String line = r.err.lines().filter(l -> l.contains("Running jobs for 20261121")).findFirst()
                .orElseThrow(() -> new AssertionError("no INFO line on stderr:\n" + r.err));
        assertTrue(
                line.matches(
                        "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[main] MasterMain - Running jobs for"
                                + " 20261121 .*"),
                line);
        String file = Files.readString(logs.resolve("picu-master.log"));
        assertTrue(file.contains(line), "the file has the same line as stderr:\n" + file);
    }

    @Test
    void every_subcommand_has_help() throws Exception {
        for (String command : List.of("daemon", "cycle", "run-date", "backfill", "status", "health", "render-conf")) {
            Result r = run(List.of(command, "--help"), WORK.resolve("logs-help"));
            assertEquals(0, r.exit, command + ": " + r.err);
            assertTrue(r.out.contains("Usage: picu-master " + command), r.out);
        }
    }

    private record Result(int exit, String out, String err) { }

    private static Result run(List<String> args, Path logDir) throws Exception {
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PICU_LIB", Paths.get("target", "dist", "lib").toAbsolutePath().toString());
        builder.environment().put("PICU_LOG_DIR", logDir.toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().remove("HADOOP_CONF_DIR");
        Path out = WORK.resolve("out.txt");
        Path err = WORK.resolve("err.txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "picu-master " + args + " finished");
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
