package org.picu.tier2;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void an_unusable_config_file_is_a_failure_exit_1() {
        assertEquals(1, Tier2Main.run("migrate", "--config", "target/does-not-exist.yml"));
    }
}
