package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.SQLException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/** The rows of one published partition: the Parquet files its manifest lists, read as Avro records. */
public final class PartitionData {
    private final FileSystem fs;
    private final PublishedPartition partition;
    private final PartitionManifest manifest;

    PartitionData(FileSystem fs, PublishedPartition partition, PartitionManifest manifest) {
        this.fs = requireNonNull(fs, "fs is null");
        this.partition = requireNonNull(partition, "partition is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
    }

    /** Receives each record; may write it to the database. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(GenericRecord record) throws SQLException;
    }

    /** The partition directory, for messages. */
    @Override
    public String toString() {
        return partition.directory().toString();
    }

    public PartitionDate date() {
        return partition.date();
    }

    /** The run that produced this content; rows are tagged with it. */
    public String runId() {
        return manifest.runId();
    }

    /**
     * Streams every record of every data file to {@code sink}, in manifest order, projected onto {@code readSchema}
     * (so files with extra columns still load).
     *
     * @return how many records were read
     * @throws LoadException naming the file if one is missing or not readable as {@code readSchema}
     */
    public long read(Schema readSchema, RecordSink sink) throws IOException, SQLException {
        Configuration conf = new Configuration(fs.getConf());
        AvroReadSupport.setAvroReadSchema(conf, readSchema);
        AvroReadSupport.setRequestedProjection(conf, readSchema);
        long count = 0;
        for (String name : manifest.dataFiles()) {
            Path file = partition.dataFile(name);
            if (!fs.exists(file)) {
                throw new LoadException(file.toString(), "listed in the manifest but missing");
            }
            try (ParquetReader<GenericRecord> reader = AvroParquetReader
                    .<GenericRecord>builder(HadoopInputFile.fromPath(file, conf))
                    .withDataModel(GenericData.get())
                    .withConf(conf)
                    .build()) {
                for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
                    sink.accept(record);
                    count++;
                }
            } catch (RuntimeException e) {
                // parquet and avro report corrupt or mismatched files with unchecked exceptions
                throw new LoadException(file.toString(), "failed after " + count + " records read as "
                        + readSchema.getFullName() + ": " + e.getMessage(), e);
            }
        }
        return count;
    }
}
