package org.picu.tier2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/** Exit codes of the command line for cases that need no database. */
class Tier2MainTest {
    @Test
    void usage_errors_exit_2() {
        assertEquals(2, Tier2Main.run());
        assertEquals(2, Tier2Main.run("frobnicate"));
        assertEquals(2, Tier2Main.run("load"));
        assertEquals(2, Tier2Main.run("serve", "--config"));
        assertEquals(2, Tier2Main.run("migrate", "--config", "a.yml", "--unknown"));
    }

    @Test
    void help_and_version_exit_0() {
        assertEquals(0, Tier2Main.run("--help"));
        assertEquals(0, Tier2Main.run("--version"));
    }

    @Test
    void help_works_on_every_subcommand_without_its_required_options() {
        for (String command : List.of("migrate", "load", "serve")) {
            String out = capture(
                    () -> System.out, System::setOut, () -> assertEquals(0, Tier2Main.run(command, "--help"), command));
            assertTrue(out.contains("Usage: tier2 " + command), out);
        }
    }

    @Test
    void a_missing_config_file_exits_2_naming_it() {
        String err = capture(() -> System.err, System::setErr,
                () -> assertEquals(2, Tier2Main.run("migrate", "--config", "target/does-not-exist.yml")));
        assertTrue(err.contains("tier2 migrate: configuration target/does-not-exist.yml has 1 problem:"), err);
    }

    @Test
    void a_broken_config_prints_every_problem_and_exits_2() throws Exception {
        Path bad = Files.writeString(
                Files.createDirectories(Path.of("target", "test-data")).resolve("broken-tier2.yml"), """
                database:
                  url: jdbc:mariadb://127.0.0.1:3306/picu
                  user: picu
                  pool-size: 0
                http:
                  port: 70000
                load:
                  batch-size: 0
                colour: blue
                """);
        for (String command : List.of("migrate", "load", "serve")) {
            String err = capture(() -> System.err, System::setErr,
                    () -> assertEquals(2, Tier2Main.run(command, "--config", bad.toString())));
            assertTrue(err.contains("tier2 " + command + ": configuration " + bad + " has 4 problems:"), err);
            for (String key : List.of("database.pool-size", "http.port", "load.batch-size", "'colour'")) {
                assertTrue(err.contains(key), key + " in " + err);
            }
        }
    }

    private static String capture(Supplier<PrintStream> current, Consumer<PrintStream> set, Runnable body) {
        PrintStream original = current.get();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        set.accept(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            set.accept(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
