package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** ansible-lint (Debian's package, its default profile) and --syntax-check over every playbook. */
class PlaybookLintIT {
    private static final Repo REPO = Repo.locate();
    private static final Path LOGS = REPO.target().resolve("lint");
    private final Ansible ansible = new Ansible(REPO);

    @BeforeAll
    static void tools() {
        Tools.ensure(REPO, LOGS, "ansible", "ansible-lint");
    }

    @Test
    void ansibleLintIsClean() {
        Command.Result result = ansible.lint().run(LOGS.resolve("ansible-lint.log"));
        assertEquals(0, result.exitCode(), "ansible-lint --offline found problems:\n" + result.tail(60));
    }

    @Test
    void siteAndDevPlaybooksPassSyntaxCheck() {
        ansible.playbook("site.yml", "--syntax-check", "-i", "inventory/example/hosts.yml")
                .runOk(LOGS.resolve("syntax-site.log"));
        ansible.playbook("dev.yml", "--syntax-check", "-i", "localhost,")
                .runOk(LOGS.resolve("syntax-dev.log"));
    }

    @Test
    void everyHostOfTheExampleInventoryLoadsItsManifest() {
        Command.Result result = Command.of("ansible", "all", "-i", "inventory/example/hosts.yml", "--playbook-dir", ".",
                        "-m", "ansible.builtin.debug", "-a", "msg='manifest={{ picu_req.node_role }} hadoop={{ picu_hadoop_release.version }}'")
                .in(REPO.ansible).env(ansible.env()).runOk(LOGS.resolve("example-inventory.log"));
        for (String[] host : new String[][] {{"picu-master", "master"}, {"picu-worker1", "worker"}, {"picu-worker2", "worker"},
            {"picu-worker3", "worker"}, {"picu-tier2", "tier2"}}) {
            assertTrue(result.output().matches("(?s).*" + host[0] + " \\| SUCCESS => \\{\\s*\"msg\": \"manifest=" + host[1]
                    + " hadoop=3\\.5\\.0\".*"), host[0] + " does not load requirements/" + host[1] + ".yml:\n" + result.output());
        }
    }
}
