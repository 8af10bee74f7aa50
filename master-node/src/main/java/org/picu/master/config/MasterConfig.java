package org.picu.master.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The master's configuration ({@code master.yml}):
 *
 * <pre>
 * hadoop:
 *   conf-dir: /etc/hadoop/conf        # optional: *-site.xml of the cluster; without it, standalone mode
 *   properties:                       # optional: single Hadoop settings that win over conf-dir
 *     fs.defaultFS: file:///
 * layout:
 *   root: /                           # where raw/, cleaned/, staging/ and locks/ live
 * jobs:
 *   jar: /opt/picu/lib/mapreduce-jobs-0.1.0.jar   # the job jar YARN ships to containers
 * </pre>
 *
 * @param hadoopConfDir directory with core-site.xml, hdfs-site.xml, yarn-site.xml, mapred-site.xml
 * @param hadoopProperties single settings applied last
 * @param layoutRoot root of the HDFS layout
 * @param jobsJar the shaded job jar; required when jobs run on YARN
 */
public record MasterConfig(Optional<Path> hadoopConfDir, Map<String, String> hadoopProperties, String layoutRoot,
                           Optional<Path> jobsJar) {

    public MasterConfig {
        hadoopProperties = Map.copyOf(hadoopProperties);
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Reads and validates a file; every problem is reported at once. */
    public static MasterConfig load(Path file) throws ConfigException {
        File parsed;
        try {
            byte[] bytes = Files.readAllBytes(file);
            parsed = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank() ? null : YAML.readValue(bytes, File.class);
        } catch (JsonMappingException e) {
            throw new ConfigException(file.toString(), List.of(describe(e)));
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read it: " + e.getMessage()));
        }
        if (parsed == null) {
            parsed = new File();
        }
        return parsed.validate(file.toString(), file.toAbsolutePath().getParent());
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .reduce((a, b) -> a + "." + b).orElse("(top)");
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            return "unknown key '" + path + "'; known keys here: " + u.getKnownPropertyIds();
        }
        return "'" + path + "': " + e.getOriginalMessage();
    }

    /** The file as written; validated into a {@link MasterConfig}. */
    static final class File {
        @JsonProperty("hadoop") Hadoop hadoop = new Hadoop();
        @JsonProperty("layout") Layout layout = new Layout();
        @JsonProperty("jobs") Jobs jobs = new Jobs();

        MasterConfig validate(String name, Path base) throws ConfigException {
            List<String> problems = new ArrayList<>();
            Optional<Path> confDir = Optional.ofNullable(hadoop.confDir).map(base::resolve);
            confDir.filter(d -> !Files.isDirectory(d))
                    .ifPresent(d -> problems.add("hadoop.conf-dir " + d + " is not a directory"));
            if (layout.root == null || layout.root.isBlank()) {
                problems.add("layout.root must name a directory, e.g. / or file:///var/lib/picu");
            }
            Optional<Path> jar = Optional.ofNullable(jobs.jar).map(base::resolve);
            jar.filter(j -> !Files.isRegularFile(j))
                    .ifPresent(j -> problems.add("jobs.jar " + j + " does not exist; build it with ./mvnw package"));
            if (!problems.isEmpty()) {
                throw new ConfigException(name, problems);
            }
            return new MasterConfig(confDir, hadoop.properties, layout.root, jar);
        }
    }

    static final class Hadoop {
        @JsonProperty("conf-dir") String confDir;
        @JsonProperty("properties") Map<String, String> properties = Map.of();
    }

    static final class Layout {
        @JsonProperty("root") String root = "/";
    }

    static final class Jobs {
        @JsonProperty("jar") String jar;
    }
}
