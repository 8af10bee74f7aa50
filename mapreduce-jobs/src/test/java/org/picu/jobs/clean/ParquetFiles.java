package org.picu.jobs.clean;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;

/** Writes rows to a local Parquet file with the cleaning jobs' codec, to compare two ways of building rows. */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    public static Path write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
        Configuration conf = new Configuration();
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(HadoopOutputFile.fromPath(path, conf))
                .withSchema(schema).withCompressionCodec(CompressionCodecName.SNAPPY).withConf(conf).build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
        return file;
    }
}
