package org.picu.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The repository's operations files as the tests see them: paths, YAML trees, manifests. */
final class Repo {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    final Path root;
    final Path ansible;
    final Path requirements;

    private Repo(Path root) {
        this.root = root;
        this.ansible = root.resolve("ansible");
        this.requirements = root.resolve("requirements");
    }

    static Repo locate() {
        String dir = System.getProperty("picu.repo.dir");
        Path root = dir != null ? Path.of(dir) : Path.of("..");
        return new Repo(root.toAbsolutePath().normalize());
    }

    /** The module's target/ directory, where everything the tests write goes. */
    Path target() {
        return ansible.resolve("target");
    }

    static JsonNode readYaml(Path file) {
        try {
            JsonNode node = YAML.readTree(file.toFile());
            return node == null ? YAML.createObjectNode() : node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    JsonNode manifest(String nodeRole) {
        return readYaml(requirements.resolve(nodeRole + ".yml"));
    }

    /** Every package a node of this role gets: packages of all its roles plus the JDK. */
    Set<String> allPackages(String nodeRole) {
        JsonNode manifest = manifest(nodeRole);
        Set<String> packages = new LinkedHashSet<>();
        manifest.path("packages").forEach(list -> list.forEach(p -> packages.add(p.asText())));
        packages.add(manifest.path("jdk").path("package").asText());
        return packages;
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<String> fieldNames(JsonNode object) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
