package org.picu.tier2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code conf/bin/picu-tier2}, the command the units run, from this build tree ({@code target/dist/lib}). */
class Tier2LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "conf", "bin", "picu-tier2").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "test-data", "tier2-launcher").toAbsolutePath();

    @Test
    void help_of_every_subcommand_works_without_its_required_options() throws Exception {
        for (String command : List.of("migrate", "load", "serve")) {
            Result r = run(command, "--help");
            assertEquals(0, r.exit, command + ": " + r.err);
            assertTrue(r.out.contains("Usage: tier2 " + command), r.out);
        }
    }

    @Test
    void a_broken_config_prints_every_problem_and_exits_2() throws Exception {
        Files.createDirectories(WORK);
        Path bad = Files.writeString(WORK.resolve("broken.yml"), "http:\n  port: 70000\nload:\n  batch-size: 0\n");
        Result r = run("load", "--config", bad.toString());
        assertEquals(2, r.exit, r.err);
        assertTrue(r.err.contains("http.port") && r.err.contains("load.batch-size"), r.err);
        assertFalse(r.err.contains("log4j:"), r.err);
    }

    private record Result(int exit, String out, String err) { }

    private static Result run(String... args) throws Exception {
        Files.createDirectories(WORK);
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PICU_LIB", Path.of("target", "dist", "lib").toAbsolutePath().toString());
        builder.environment().put("PICU_LOG_DIR", WORK.resolve("logs").toString());
        builder.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path out = WORK.resolve("out.txt");
        Path err = WORK.resolve("err.txt");
        Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "picu-tier2 " + List.of(args) + " finished");
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
