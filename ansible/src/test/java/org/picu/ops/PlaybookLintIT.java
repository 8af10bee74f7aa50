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
    void ansible_lint_is_clean() {
        Command.Result result = ansible.lint().run(LOGS.resolve("ansible-lint.log"));
        assertEquals(0, result.exitCode(), "ansible-lint --offline found problems:\n" + result.tail(60));
    }

    @Test
    void site_and_dev_playbooks_pass_syntax_check() {
        ansible.playbook("site.yml", "--syntax-check", "-i", "inventory/example/hosts.yml")
                .runOk(LOGS.resolve("syntax-site.log"));
        ansible.playbook("dev.yml", "--syntax-check", "-i", "localhost,")
                .runOk(LOGS.resolve("syntax-dev.log"));
    }

    /**
     * The first play stops a bad inventory or missing secret before any host is contacted, naming the variable.
     * Two runs, each with several hosts wrong in different ways (every host reports its own first problem).
     */
    @Test
    void a_wrong_inventory_value_or_a_missing_secret_stops_the_run_before_any_change() throws Exception {
        String[][] cases = {
            // worker2's address is no IPv4 address; tier-2 lacks the token; a decommissioned host that is no worker
            {
                "picu-worker2: {picu_address: 10.99.0.999}",
                "{picu_db_password: test-only-0123456789ab, hadoop_decommissioned: [picu-worker9]}",
                "picu-worker2: picu_address must be this host's own IPv4 address",
                "picu_api_token is missing",
                "every host of hadoop_decommissioned"
            },
            // worker2 has worker1's address; tier-2 lacks the database password
            {
                "picu-worker2: {picu_address: 10.99.0.11}",
                "{picu_api_token: token-0123456789abcdef}",
                "picu-worker2: picu_address must be",
                "picu_db_password is missing",
                "picu-worker1, picu-worker2, picu-tier2 failed the checks above; fix the variables they name. No node"
                        + " was changed."
            },
            // the database port is the API's (5000, group_vars/tier2.yml)
            {
                "picu-worker2: {picu_address: 10.99.0.12}",
                "{picu_db_password: test-only-0123456789ab, picu_api_token: token-0123456789abcdef, tier2_db_port:"
                        + " 5000}",
                "picu-tier2: tier2_api_port (5000) and tier2_db_port (5000) must be two different ports"
            },
        };
        java.nio.file.Files.createDirectories(LOGS);
        for (int i = 0; i < cases.length; i++) {
            Path inventory = java.nio.file.Files.writeString(
                    LOGS.resolve("bad-inventory-" + i + ".yml"),
                    String.join(
                            "\n",
                            "all:",
                            "  children:",
                            "    master: {hosts: {picu-master: {picu_address: 10.99.0.10}}}",
                            "    workers:",
                            "      hosts:",
                            "        picu-worker1: {picu_address: 10.99.0.11}",
                            "        " + cases[i][0],
                            "    tier2: {hosts: {picu-tier2: {picu_address: 10.99.0.20}}}",
                            // no host is reachable: a run that got past the checks would fail on connecting instead
                            "  vars: {ansible_host: 192.0.2.1, ansible_connection: ssh}",
                            ""));
            Command.Result result = ansible.playbook("site.yml", "-i", inventory.toString(), "-e", cases[i][1])
                    .run(LOGS.resolve("bad-inventory-" + i + ".log"));
            assertEquals(2, result.exitCode(), "case " + i + ":\n" + result.tail(40));
            for (int m = 2; m < cases[i].length; m++) {
                assertTrue(
                        result.output().contains(cases[i][m]),
                        "case " + i + " says '" + cases[i][m] + "':\n" + result.tail(40));
            }
            assertTrue(
                    !result.output().contains("PLAY [Base system on every node]")
                            && !result.output().contains("UNREACHABLE"),
                    "case " + i + ": stopped before any node was touched:\n" + result.tail(40));
        }
    }

    @Test
    void every_host_of_the_example_inventory_loads_its_manifest() {
        Command.Result result = Command.of(
                        "ansible",
                        "all",
                        "-i",
                        "inventory/example/hosts.yml",
                        "--playbook-dir",
                        ".",
                        "-m",
                        "ansible.builtin.debug",
                        "-a",
                        "msg='manifest={{ picu_req.node_role }} hadoop={{ picu_hadoop_release.version }}'")
                .in(REPO.ansible)
                .env(ansible.env())
                .runOk(LOGS.resolve("example-inventory.log"));
        for (String[] host : new String[][] {
            {"picu-master", "master"},
            {"picu-worker1", "worker"},
            {"picu-worker2", "worker"},
            {"picu-worker3", "worker"},
            {"picu-tier2", "tier2"}
        }) {
            assertTrue(
                    result.output()
                            .matches("(?s).*" + host[0] + " \\| SUCCESS => \\{\\s*\"msg\": \"manifest=" + host[1]
                                    + " hadoop=3\\.5\\.0\".*"),
                    host[0] + " does not load requirements/" + host[1] + ".yml:\n" + result.output());
        }
    }
}
