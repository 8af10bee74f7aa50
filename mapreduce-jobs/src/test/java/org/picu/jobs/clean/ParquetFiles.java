package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.picu.jobs.LocalHadoop;

/** Writes rows to a local Parquet file with the cleaning jobs' codec, to compare two ways of writing them. */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    public static Path write(Path file, Schema schema, List<GenericRecord> rows) throws IOException {
        Configuration conf = new Configuration();
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(
                        HadoopOutputFile.fromPath(path, conf))
                .withSchema(schema)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConf(conf)
                .build()) {
            for (GenericRecord row : rows) {
                writer.write(row);
            }
        }
        return file;
    }

    /**
     * Asserts that the rows the reducer writes from shuffled records (every fifth one set from a decoded record,
     * as a winner among several is; the others written and read back as the shuffle does) make the same file,
     * byte for byte, as parquet-avro makes from the records' Avro rows, and that it reads back as those rows.
     */
    public static <T> void assertSameFileAsParquetAvro(Path dir, Schema schema, List<T> records,
            Function<T, GenericRecord> avroRow, Supplier<RecordWritable<T>> wrapper, ShuffledRowsWriteSupport<T> rows)
            throws IOException {
        List<GenericRecord> avroRows = new ArrayList<>();
        List<RecordWritable<T>> shuffled = new ArrayList<>();
        for (int n = 0; n < records.size(); n++) {
            T record = records.get(n);
            avroRows.add(avroRow.apply(record));
            shuffled.add(
                    n % 5 == 0
                            ? wrapper.get().set(record)
                            : Shuffled.through(wrapper.get().set(record), wrapper.get()));
        }
        Path a = write(dir.resolve("avro.parquet"), schema, avroRows);
        Path b = writeShuffled(dir.resolve("shuffled.parquet"), schema, rows, shuffled);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertEquals(avroRows, read(b), "and they read back as the Avro rows");
    }

    /** Every row of a local Parquet file. */
    public static List<GenericRecord> read(Path file) throws IOException {
        return LocalHadoop.readParquet(new Configuration(), List.of(new org.apache.hadoop.fs.Path(file.toUri())));
    }

    /**
     * Writes shuffled records through the dataset's {@link ShuffledRowsWriteSupport}, configured as the cleaning
     * jobs configure it (the Avro schema in the configuration), with the same codec as {@link #write}.
     */
    public static <T> Path writeShuffled(Path file, Schema schema, ShuffledRowsWriteSupport<T> rows,
                                         List<? extends RecordWritable<T>> records) throws IOException {
        Configuration conf = new Configuration();
        AvroWriteSupport.setSchema(conf, schema);
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.toUri());
        try (ParquetWriter<RecordWritable<T>> writer = new ShuffledRowsBuilder<>(
                        HadoopOutputFile.fromPath(path, conf), rows)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withConf(conf)
                .build()) {
            for (RecordWritable<T> record : records) {
                writer.write(record);
            }
        }
        return file;
    }

    private static final class ShuffledRowsBuilder<T>
            extends ParquetWriter.Builder<RecordWritable<T>, ShuffledRowsBuilder<T>> {
        private final ShuffledRowsWriteSupport<T> rows;

        ShuffledRowsBuilder(OutputFile file, ShuffledRowsWriteSupport<T> rows) {
            super(file);
            this.rows = rows;
        }

        @Override
        protected ShuffledRowsBuilder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<RecordWritable<T>> getWriteSupport(Configuration conf) {
            return rows;
        }
    }
}
