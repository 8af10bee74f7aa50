package org.picu.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.picu.jobs.publish.PublishConfigKeys;

/** Hadoop standalone mode for tests: local file system, local job runner, everything under target/. */
public final class LocalHadoop {
    private LocalHadoop() {
    }

    /** A fresh, empty directory under target/ for one test. */
    public static Path freshDir(String name) {
        Path dir = Paths.get("target", "test-data", name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Local runner configuration with the PICU layout rooted at {@code root}. */
    public static Configuration conf(Path root) {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "file:///");
        conf.set("mapreduce.framework.name", "local");
        conf.set(PublishConfigKeys.ROOT, root.toUri().toString());
        return conf;
    }

    /** Every row of every Parquet file given. */
    public static List<GenericRecord> readParquet(Configuration conf, List<org.apache.hadoop.fs.Path> files)
            throws IOException {
        List<GenericRecord> rows = new ArrayList<>();
        for (org.apache.hadoop.fs.Path file : files) {
            try (ParquetReader<GenericRecord> reader =
                         AvroParquetReader.<GenericRecord>builder(HadoopInputFile.fromPath(file, conf)).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    rows.add(r);
                }
            }
        }
        return rows;
    }
}
