package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The worker role's config template for the sources of a worker, rendered on this machine by ansible-playbook (no
 * root, no target node): the example inventory crawls all five built-in sources spread over its workers, a worker
 * without {@code worker_sources} crawls all five, and an unknown source is refused with a message naming the
 * variable before anything is written.
 */
class WorkerSourcesIT {
    private static final Repo REPO = Repo.locate();
    private static final Path WORK = REPO.target().resolve("worker-sources");
    private static final List<String> BUILT_IN = List.of("upbit", "fear_greed", "coinness", "saveticker", "perplexity");
    private final Ansible ansible = new Ansible(REPO);

    @BeforeAll
    static void tools() throws IOException {
        Tools.ensure(REPO, WORK, "ansible");
        Files.createDirectories(WORK);
    }

    @Test
    void the_example_inventory_crawls_every_built_in_source_spread_over_its_workers() throws IOException {
        Path out = render("example", REPO.ansible.resolve("inventory/example/hosts.yml"));
        Set<String> crawled = new TreeSet<>();
        for (String host : List.of("picu-worker1", "picu-worker2", "picu-worker3")) {
            JsonNode config = Repo.YAML.readTree(out.resolve(host + ".yml").toFile());
            List<String> assigned = strings(config.get("assignments").get(host));
            assertTrue(!assigned.isEmpty(), host + " crawls nothing");
            assertEquals(new TreeSet<>(assigned), names(config.get("schedules")), host + ": one schedule per source");
            assigned.forEach(source -> assertTrue(crawled.add(source), source + " is crawled by two workers"));
        }
        assertEquals(new TreeSet<>(BUILT_IN), crawled, "every built-in source, each on one worker");
    }

    @Test
    void a_worker_without_worker_sources_crawls_all_five_on_their_schedules() throws IOException {
        Path out = render("default", inventory("default", "solo: {}"));
        JsonNode config = Repo.YAML.readTree(out.resolve("solo.yml").toFile());
        assertEquals(BUILT_IN, strings(config.get("assignments").get("solo")));
        Map<String, String> expected = Map.of("upbit", "*/5 * * * *", "fear_greed", "7 * * * *",
                "coinness", "*/30 * * * *", "saveticker", "*/30 * * * *", "perplexity", "15 */6 * * *");
        expected.forEach((source, cron) -> assertEquals(cron, config.get("schedules").get(source).asText(), source));
    }

    @Test
    void an_overridden_schedule_and_a_declarative_source_are_rendered() throws IOException {
        Path out = render("declarative", inventory("declarative", String.join("\n",
                "solo:",
                "          worker_sources: [upbit, coinboard]",
                "          worker_schedules: {upbit: '*/2 * * * *', coinboard: '0 * * * *'}",
                "          worker_source_settings:",
                "            perplexity: {max-chars: 500}",
                "            declarative: [{name: coinboard, start-url: 'https://coinboard.example/', item: li,"
                        + " title: h2, body: p}]")));
        JsonNode config = Repo.YAML.readTree(out.resolve("solo.yml").toFile());
        assertEquals("*/2 * * * *", config.get("schedules").get("upbit").asText());
        assertEquals("0 * * * *", config.get("schedules").get("coinboard").asText());
        assertEquals("coinboard", config.get("sources").get("declarative").get(0).get("name").asText());
        assertTrue(config.get("sources").get("perplexity") == null, "settings of a source this worker does not crawl");
    }

    @Test
    void an_unknown_source_is_refused_naming_the_variable() throws IOException {
        Path inventory = inventory("unknown", "solo: {worker_sources: [upbit, coinnes]}");
        Command.Result result = playbook("unknown", inventory).run(WORK.resolve("unknown.log"));
        assertNotEquals(0, result.exitCode(), result.output());
        assertTrue(
                result.output()
                        .contains("worker_sources of solo must be a non-empty list of sources; it names coinnes,"),
                result.output());
        assertTrue(result.output().contains("worker_schedules"), result.output());
        assertTrue(!Files.exists(WORK.resolve("unknown/solo.yml")), "nothing rendered");
    }

    private Path render(String name, Path inventory) {
        playbook(name, inventory).runOk(WORK.resolve(name + ".log"));
        return WORK.resolve(name);
    }

    /** Checks the sources as the role does, then renders the role's template into {@code WORK/<name>/<host>.yml}. */
    private Command playbook(String name, Path inventory) {
        Path out = WORK.resolve(name);
        Path playbook = WORK.resolve(name + "-render.yml");
        try {
            Files.createDirectories(out);
            Files.writeString(playbook, String.join("\n",
                    "- name: Render the worker config of every worker",
                    "  hosts: workers",
                    "  connection: local",
                    "  gather_facts: false",
                    "  tasks:",
                    "    - name: The worker role's source check, with its defaults",
                    "      ansible.builtin.include_role: {name: worker, tasks_from: sources, public: true}",
                    "    - name: The worker role's config template",
                    "      ansible.builtin.template:",
                    "        src: " + REPO.ansible.resolve("roles/worker/templates/worker.yml.j2"),
                    "        dest: " + out + "/{{ inventory_hostname }}.yml",
                    "        mode: '0644'",
                    ""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // group_vars/all.yml lies beside site.yml, not beside this playbook; it sets no worker_* variable
        return ansible.playbook(playbook.toString(), "-i", inventory.toString(),
                "-e", "@" + REPO.ansible.resolve("group_vars/all.yml"));
    }

    private static Path inventory(String name, String host) throws IOException {
        return Files.writeString(WORK.resolve(name + "-hosts.yml"), String.join("\n",
                "all:",
                "  children:",
                "    master:",
                "      hosts:",
                "        picu-master: {picu_address: 10.99.0.10}",
                "    workers:",
                "      hosts:",
                "        " + host, ""));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
