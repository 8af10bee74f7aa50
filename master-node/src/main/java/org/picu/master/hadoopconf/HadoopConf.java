package org.picu.master.hadoopconf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Hadoop site files of {@code conf/hadoop/templates/} and the variable files of
 * {@code conf/hadoop/profiles/} (both packaged into this jar), rendered for one profile:
 * {@code pi4-cluster} (one master, three Pi 4 workers) or {@code pseudo-distributed} (everything on loopback).
 */
public final class HadoopConf {
    /** Every template, in the order an operator reads them. */
    public static final List<String> TEMPLATES = List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml",
            "mapred-site.xml", "capacity-scheduler.xml", "workers", "hadoop-env.sh");
    public static final List<String> PROFILES = List.of("pi4-cluster", "pseudo-distributed");
    private static final String RESOURCES = "/org/picu/master/hadoop/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private HadoopConf() {
    }

    /** The variables of a packaged profile, as strings (numbers and booleans as Ansible would print them). */
    public static Map<String, String> profile(String name) throws TemplateException {
        if (!PROFILES.contains(name)) {
            throw new TemplateException(List.of("unknown profile '" + name + "'; known profiles: " + PROFILES));
        }
        return variables("profiles/" + name + ".yml", resource("profiles/" + name + ".yml"));
    }

    /** Parses a flat YAML variable file; nested values are refused because the templates only use scalars. */
    public static Map<String, String> variables(String fileName, String yaml) throws TemplateException {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new TemplateException(List.of(fileName + " is not YAML: " + e.getMessage()));
        }
        Map<String, String> values = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        if (root != null) {
            root.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode()) {
                    values.put(e.getKey(), e.getValue().asText());
                } else {
                    problems.add(fileName + ": '" + e.getKey() + "' must be a plain value, not a list or map");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return values;
    }

    /**
     * Renders every template with the values. Variables a profile defines but no template uses are errors
     * too: they are usually typos of a variable that then stays unfilled.
     */
    public static Map<String, String> render(Map<String, String> values) throws TemplateException {
        List<String> problems = new ArrayList<>();
        Map<String, String> rendered = new LinkedHashMap<>();
        Set<String> used = new TreeSet<>();
        for (String name : TEMPLATES) {
            String template = resource("templates/" + name);
            used.addAll(TemplateRenderer.variables(template));
            rendered.put(name, TemplateRenderer.render(name, template, values, problems));
        }
        Set<String> unused = new TreeSet<>(values.keySet());
        unused.removeAll(used);
        unused.forEach(v -> problems.add("profile variable '" + v + "' is used by no template"));
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return rendered;
    }

    /**
     * Renders a packaged profile with some of its variables replaced ({@code render-conf --set NAME=VALUE}). Only
     * variables the profile has can be replaced, so the result is the profile's files with those values and nothing
     * added.
     */
    public static Map<String, String> render(String profile, Map<String, String> substitutions)
            throws TemplateException {
        Map<String, String> values = new TreeMap<>(profile(profile));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> s : substitutions.entrySet()) {
            if (!values.containsKey(s.getKey())) {
                problems.add("'" + s.getKey() + "' is not a variable of profile " + profile + " (conf/hadoop/profiles/"
                        + profile + ".yml)");
            } else if (s.getValue() == null || s.getValue().isBlank()) {
                problems.add("'" + s.getKey() + "' needs a value");
            } else {
                values.put(s.getKey(), s.getValue());
            }
        }
        if (!problems.isEmpty()) {
            throw new TemplateException(problems);
        }
        return render(values);
    }

    /** Renders a packaged profile into {@code out}, one file per template. */
    public static List<Path> renderTo(String profile, Path out) throws TemplateException, IOException {
        return renderTo(profile, Map.of(), out);
    }

    /** Renders a packaged profile with substitutions (see {@link #render(String, Map)}) into {@code out}. */
    public static List<Path> renderTo(String profile, Map<String, String> substitutions, Path out)
            throws TemplateException, IOException {
        Map<String, String> files = render(profile, substitutions);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            written.add(Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8));
        }
        return written;
    }

    private static String resource(String name) throws TemplateException {
        try (InputStream in = HadoopConf.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new TemplateException(List.of(name + " is not packaged in the master-node jar"));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TemplateException(List.of("cannot read " + name + ": " + e.getMessage()));
        }
    }
}
