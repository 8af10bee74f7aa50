package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * requirements/ is the single source of truth for what a node needs: no role installs a package, the JDK,
 * Hadoop or a PICU artifact that its node's manifest does not list, and everything a manifest lists is
 * installed by a role that runs on that node. (The converge test checks the same on a real root.)
 */
class ManifestConsistencyTest {
    private static final Set<String> PACKAGE_MODULES = Set.of("ansible.builtin.apt", "apt", "ansible.builtin.package",
            "package", "ansible.builtin.dnf", "ansible.builtin.yum", "ansible.builtin.pip", "pip");
    private static final Pattern SHELL_INSTALL =
            Pattern.compile("apt-get\\s+install|apt\\s+install|dpkg\\s+-i|pip3?\\s+install");
    private static final Pattern PACKAGES_REF = Pattern.compile("picu_req\\.packages\\.([a-z0-9_]+)");

    private final Repo repo = Repo.locate();

    @Test
    void every_manifest_names_its_own_role_and_has_the_same_shape() {
        for (String node : List.of("master", "worker", "tier2", "dev")) {
            JsonNode m = repo.manifest(node);
            assertEquals(node, m.path("node_role").asText(), "requirements/" + node + ".yml node_role");
            assertTrue(m.path("packages").isObject(), node + ": packages must be a map role -> list");
            assertTrue(m.path("jdk").path("package").asText().startsWith("openjdk-17"), node + ": jdk.package");
            assertEquals(17, m.path("jdk").path("major").asInt(), node + ": jdk.major");
            assertTrue(m.path("artifacts").isArray(), node + ": artifacts must be a list");
            for (JsonNode a : m.path("artifacts")) {
                for (String key : List.of("id", "module", "source", "dest")) {
                    assertTrue(a.hasNonNull(key), node + ": artifact " + a + " lacks " + key);
                }
                assertTrue(Files.isRegularFile(repo.root.resolve(a.path("module").asText()).resolve("pom.xml")),
                        node + ": artifact " + a.path("id").asText() + " names module " + a.path("module").asText()
                                + ", which is not a module of this repository");
                assertTrue(a.path("source").asText().startsWith(a.path("module").asText() + "/target/"),
                        node + ": artifact " + a.path("id").asText() + " must come from its module's target/");
            }
        }
    }

    @Test
    void hadoop_release_is_the_one_the_build_uses_with_a_full_checksum() {
        JsonNode release = Repo.readYaml(repo.requirements.resolve("hadoop.yml"));
        String version = release.path("version").asText();
        String pomVersion = System.getProperty("picu.hadoop.version", version);
        assertEquals(pomVersion, version, "requirements/hadoop.yml version vs the root pom's hadoop.version");
        assertEquals("hadoop-" + version + ".tar.gz", release.path("archive").asText());
        assertTrue(release.path("url").asText().endsWith("/hadoop-" + version + "/hadoop-" + version + ".tar.gz"));
        assertTrue(
                release.path("sha512").asText().matches("[0-9a-f]{128}"), "hadoop.yml sha512 must be 128 hex digits");
        for (String node : List.of("master", "worker")) {
            assertEquals(version, repo.manifest(node).path("hadoop").path("version").asText(),
                    "requirements/" + node + ".yml hadoop.version");
        }
    }

    @Test
    void each_node_gets_exactly_the_packages_of_its_manifest_from_the_roles_that_run_on_it() {
        Map<String, Set<String>> rolesOfNode = rolesPerNodeRole();
        Map<String, Set<String>> installedBy = packageListsInstalledByRole();
        for (Map.Entry<String, Set<String>> node : rolesOfNode.entrySet()) {
            JsonNode manifest = repo.manifest(node.getKey());
            Set<String> listed = new TreeSet<>(Repo.fieldNames(manifest.path("packages")));
            Set<String> installed = new TreeSet<>();
            for (String role : node.getValue()) {
                installed.addAll(installedBy.getOrDefault(role, Set.of()));
            }
            assertEquals(listed, installed, "requirements/" + node.getKey() + ".yml lists packages for roles " + listed
                    + " but the roles that run on a " + node.getKey() + " node (" + node.getValue()
                    + ") install the lists " + installed);
            for (String role : installed) {
                assertTrue(node.getValue().contains(role), role + " does not run on " + node.getKey());
            }
        }
    }

    @Test
    void no_role_names_a_package_of_its_own() {
        List<String> problems = new ArrayList<>();
        for (Path file : roleTaskFiles()) {
            forEachTask(Repo.readYaml(file), task -> {
                for (String module : Repo.fieldNames(task)) {
                    JsonNode args = task.path(module);
                    if (PACKAGE_MODULES.contains(module)) {
                        String name = args.path("name").isMissingNode()
                                ? args.path("pkg").toString()
                                : args.path("name").toString();
                        if (!name.contains("picu_req.")) {
                            problems.add(repo.root.relativize(file) + ": task '"
                                    + task.path("name").asText() + "' installs " + name
                                    + ", which is not read from requirements/");
                        }
                    }
                    if ((module.endsWith("command") || module.endsWith("shell"))
                            && SHELL_INSTALL.matcher(args.toString()).find()) {
                        problems.add(repo.root.relativize(file) + ": task '"
                                + task.path("name").asText()
                                + "' installs software by hand; list it in requirements/ instead");
                    }
                }
            });
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void the_jdk_hadoop_and_artifacts_are_installed_from_the_manifest() {
        String common = tasksText("common");
        assertTrue(common.contains("picu_req.jdk.package"), "the common role must install picu_req.jdk.package");
        String hadoop = tasksText("hadoop");
        assertTrue(hadoop.contains("picu_hadoop_release.url") && hadoop.contains("hadoop_archive_sha512"),
                "the hadoop role must download requirements/hadoop.yml's url and check its sha512");
        assertTrue(Repo.read(repo.ansible.resolve("roles/hadoop/defaults/main.yml"))
                .contains("hadoop_archive_sha512: \"{{ picu_hadoop_release.sha512 }}\""));
        assertTrue(Repo.read(repo.ansible.resolve("roles/hadoop/vars/main.yml")).contains("picu_req.hadoop.daemons"));
        Map<String, Set<String>> rolesOfNode = rolesPerNodeRole();
        for (Map.Entry<String, Set<String>> node : rolesOfNode.entrySet()) {
            JsonNode manifest = repo.manifest(node.getKey());
            boolean hasArtifacts = manifest.path("artifacts").size() > 0;
            boolean installsArtifacts =
                    node.getValue().stream().anyMatch(r -> tasksText(r).contains("common/tasks/artifacts.yml"));
            assertEquals(hasArtifacts, installsArtifacts, node.getKey() + ": artifacts listed vs installed");
            boolean hasHadoop = manifest.has("hadoop");
            assertEquals(
                    hasHadoop,
                    node.getValue().contains("hadoop"),
                    node.getKey() + ": hadoop listed vs the hadoop role");
        }
    }

    @Test
    void dev_manifest_is_what_the_dev_playbook_and_the_test_harness_install() {
        String dev = Repo.read(repo.ansible.resolve("dev.yml"));
        assertTrue(
                dev.contains("picu_req.packages.dev + [picu_req.jdk.package]"),
                "ansible/dev.yml must install the dev manifest");
        List<String> listed = Repo.texts(repo.manifest("dev").path("packages").path("dev"));
        for (String tool : List.of("ansible", "ansible-lint", "debootstrap", "qemu-user-static")) {
            assertTrue(listed.contains(tool), "requirements/dev.yml must list " + tool);
        }
    }

    /** node role -> the Ansible roles that site.yml applies to its group. */
    private Map<String, Set<String>> rolesPerNodeRole() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (JsonNode play : Repo.readYaml(repo.ansible.resolve("site.yml"))) {
            for (String group : play.path("hosts").asText().split(":")) {
                String node = Repo.readYaml(repo.ansible.resolve("group_vars/" + group + ".yml"))
                        .path("picu_node_role")
                        .asText();
                assertTrue(!node.isEmpty(), "group_vars/" + group + ".yml must set picu_node_role");
                for (JsonNode role : play.path("roles")) {
                    result.computeIfAbsent(node, k -> new LinkedHashSet<>())
                            .add(role.path("role").asText(role.asText()));
                }
            }
        }
        assertEquals(Set.of("master", "worker", "tier2"), result.keySet(), "node roles provisioned by site.yml");
        return result;
    }

    /** role -> which manifest package lists (picu_req.packages.<key>) its apt tasks install. */
    private Map<String, Set<String>> packageListsInstalledByRole() {
        Map<String, Set<String>> result = new LinkedHashMap<>();
        for (Path file : roleTaskFiles()) {
            String role = repo.ansible.resolve("roles").relativize(file).getName(0).toString();
            forEachTask(Repo.readYaml(file), task -> {
                for (String module : Repo.fieldNames(task)) {
                    if (PACKAGE_MODULES.contains(module)) {
                        Matcher m = PACKAGES_REF.matcher(task.path(module).toString());
                        while (m.find()) {
                            if (!m.group(1).equals(role)) {
                                fail(file + ": role " + role + " installs picu_req.packages." + m.group(1)
                                        + "; each role installs only its own list");
                            }
                            result.computeIfAbsent(role, k -> new TreeSet<>()).add(m.group(1));
                        }
                    }
                }
            });
        }
        return result;
    }

    private List<Path> roleTaskFiles() {
        try (Stream<Path> files = Files.walk(repo.ansible.resolve("roles"))) {
            return files.filter(p -> p.getParent().getFileName().toString().matches("tasks|handlers"))
                    .filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tasksText(String role) {
        StringBuilder text = new StringBuilder();
        for (Path file : roleTaskFiles()) {
            if (file.startsWith(repo.ansible.resolve("roles").resolve(role))) {
                text.append(Repo.read(file));
            }
        }
        return text.toString();
    }

    private String defaultsText(String role) {
        Path defaults = repo.ansible.resolve("roles").resolve(role).resolve("defaults/main.yml");
        return Files.exists(defaults) ? Repo.read(defaults) : "";
    }

    private static void forEachTask(JsonNode tasks, java.util.function.Consumer<JsonNode> action) {
        if (!tasks.isArray()) {
            return;
        }
        for (JsonNode task : tasks) {
            action.accept(task);
            for (String nested : List.of("block", "rescue", "always")) {
                forEachTask(task.path(nested), action);
            }
        }
    }
}
