package org.picu.jobs.clean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.picu.jobs.LocalHadoop;
import org.picu.model.layout.PartitionManifest;

/** Fixture plumbing the whole-job tests of the cleaning jobs share. */
public final class CleanFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CleanFixtures() {
    }

    /** {@code src/test/resources/fixtures/<name>}. */
    public static Path dir(String name) throws URISyntaxException {
        return Paths.get(CleanFixtures.class.getResource("/fixtures/" + name).toURI());
    }

    /**
     * Copies each raw fixture file to {@code raw/<source>/<day>/} below {@code root}, the source taken from its name.
     */
    public static void uploadRaw(Path fixtureRawDir, Path root, String day) throws IOException {
        try (Stream<Path> files = Files.list(fixtureRawDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                Path target = Files.createDirectories(
                        root.resolve("raw/" + name.substring(0, name.indexOf('.')) + "/" + day));
                Files.copy(f, target.resolve(name));
            }
        }
    }

    /** One line of invalid UTF-8, as a file of its own. */
    public static void writeInvalidUtf8(Path dir, String fileName) throws IOException {
        Files.write(Files.createDirectories(dir).resolve(fileName),
                new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}', '\n'});
    }

    public static PartitionManifest manifest(Path partition) throws IOException {
        return PartitionManifest.fromJson(Files.readString(partition.resolve("_manifest.json")));
    }

    public static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(JSON.readTree(line));
        }
        return rows;
    }

    /**
     * The partition's Parquet rows as JSON, timestamp-millis fields as ISO instants, sorted by
     * {@code sortField}: the same form as the fixtures' expected files.
     */
    public static List<JsonNode> rows(Configuration conf, Path partition, String sortField) throws IOException {
        List<org.apache.hadoop.fs.Path> files = manifest(partition).dataFiles().stream()
                .map(f -> new org.apache.hadoop.fs.Path(partition.resolve(f).toUri())).toList();
        List<JsonNode> rows = new ArrayList<>();
        for (GenericRecord r : LocalHadoop.readParquet(conf, files)) {
            ObjectNode n = JSON.createObjectNode();
            for (Schema.Field field : r.getSchema().getFields()) {
                Object v = r.get(field.name());
                if (v instanceof Long millis && isTimestamp(field.schema())) {
                    n.put(field.name(), Instant.ofEpochMilli(millis).toString());
                } else {
                    n.set(field.name(), JSON.valueToTree(plain(v)));
                }
            }
            // Re-read so numbers get the node types of the expected file (4 is an int there, not a long).
            rows.add(JSON.readTree(n.toString()));
        }
        rows.sort(Comparator.comparing(n -> n.get(sortField).asText()));
        return rows;
    }

    private static boolean isTimestamp(Schema schema) {
        if (schema.getType() == Schema.Type.UNION) {
            return schema.getTypes().stream().anyMatch(CleanFixtures::isTimestamp);
        }
        return schema.getLogicalType() instanceof LogicalTypes.TimestampMillis;
    }

    private static Object plain(Object v) {
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(CleanFixtures::plain).toList();
        }
        return v;
    }

    /** The reasons of every line of the partition's reject output, sorted. */
    public static List<String> rejectReasons(Path partition) throws IOException {
        List<String> reasons = new ArrayList<>();
        Path rejects = partition.resolve("_rejects");
        if (!Files.exists(rejects)) {
            return reasons;
        }
        try (Stream<Path> files = Files.list(rejects)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
                for (JsonNode r : jsonLines(f)) {
                    reasons.add(r.get("reason").asText());
                }
            }
        }
        reasons.sort(null);
        return reasons;
    }

    public static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }

    /** Names of the entries of {@code dir}. */
    public static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new java.util.TreeSet<>(s.map(p -> p.getFileName().toString()).toList());
        }
    }
}
