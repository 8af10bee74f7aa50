package org.picu.jobs.candles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.picu.jobs.LocalHadoop;
import org.picu.model.layout.PartitionManifest;

/**
 * Published input partitions for the analytics job tests, written with {@code AvroParquetWriter} from
 * JSON lines, and the rows of a published output partition.
 */
public final class AnalyticsFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalyticsFixtures() {
    }

    public static Path fixture(String relative) throws URISyntaxException {
        return Paths.get(AnalyticsFixtures.class.getResource("/fixtures/" + relative).toURI());
    }

    /** Rows of a JSON-lines file (blank lines and {@code #} comments skipped) as records of {@code schema}. */
    public static List<GenericRecord> jsonLines(Schema schema, Path file) throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                rows.add(record(schema, JSON.readTree(line)));
            }
        }
        return rows;
    }

    /** A record from a JSON object whose field names are the schema's; absent fields take their default. */
    public static GenericRecord record(Schema schema, JsonNode json) {
        GenericRecord r = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
            JsonNode v = json.get(f.name());
            r.put(f.name(), v == null ? GenericData.get().getDefaultValue(f) : value(f.schema(), v));
        }
        return r;
    }

    private static Object value(Schema schema, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        return switch (schema.getType()) {
            case UNION ->
                value(
                        schema.getTypes().stream()
                                .filter(t -> t.getType() != Schema.Type.NULL)
                                .findFirst()
                                .orElseThrow(),
                        v);
            case STRING -> v.asText();
            case LONG -> v.isTextual() ? java.time.Instant.parse(v.asText()).toEpochMilli() : v.asLong();
            case INT -> v.asInt();
            case DOUBLE -> v.asDouble();
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                v.forEach(item -> items.add(value(schema.getElementType(), item)));
                yield items;
            }
            default -> throw new IllegalArgumentException("fixture type " + schema.getType() + " not supported");
        };
    }

    /** Writes {@code rows} as a published partition {@code <root>/cleaned/<dataset>/<day>/} with {@code _SUCCESS}. */
    public static void publish(Configuration conf, Path root, String dataset, String day, Schema schema,
                               List<GenericRecord> rows) throws IOException {
        Path dir = Files.createDirectories(root.resolve("cleaned/" + dataset + "/" + day));
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(dir.resolve("part-r-00000.parquet").toUri());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                        HadoopOutputFile.fromPath(file, conf))
                .withSchema(schema)
                .withConf(conf)
                .build()) {
            for (GenericRecord r : rows) {
                writer.write(r);
            }
        }
        Files.createFile(dir.resolve("_SUCCESS"));
    }

    /** The manifest of a published partition. */
    public static PartitionManifest manifest(Path root, String dataset, String day) throws IOException {
        return PartitionManifest.fromJson(
                Files.readString(root.resolve("cleaned/" + dataset + "/" + day + "/_manifest.json")));
    }

    /** Every row of a published partition, rendered as Avro JSON text and sorted, for order-free comparison. */
    public static List<String> publishedRows(Configuration conf, Path root, String dataset, String day)
            throws IOException {
        Path dir = root.resolve("cleaned/" + dataset + "/" + day);
        List<org.apache.hadoop.fs.Path> files = new ArrayList<>();
        for (String f : manifest(root, dataset, day).dataFiles()) {
            files.add(new org.apache.hadoop.fs.Path(dir.resolve(f).toUri()));
        }
        return sorted(LocalHadoop.readParquet(conf, files));
    }

    public static List<String> sorted(List<GenericRecord> rows) {
        return rows.stream().map(GenericRecord::toString).sorted(Comparator.naturalOrder()).toList();
    }
}
