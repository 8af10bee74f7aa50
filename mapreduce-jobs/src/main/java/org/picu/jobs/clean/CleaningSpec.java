package org.picu.jobs.clean;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.util.StringUtils;
import org.picu.model.layout.Dataset;

/**
 * What makes one cleaning job different from another; {@link CleaningJob} does the rest.
 *
 * @param name the job's name on the command line, e.g. {@code clean-news}
 * @param dataset the dataset it publishes
 * @param schema the dataset's Avro schema
 * @param keys the job's configuration keys (from its {@code *ConfigKeys} type)
 * @param keyProjection a record schema with only the dedup key's fields, to read earlier partitions cheaply
 * @param publishedKey the dedup key of a row of an earlier partition, read with {@code keyProjection}
 * @param classes the job's task classes, map output value and Parquet row writer
 * @param uniqueColumns columns whose values are distinct by nature (ids, sequence numbers, running totals):
 *     Parquet writes them without trying a dictionary first, which they would outgrow and abandon anyway
 */
public record CleaningSpec(String name, Dataset dataset, Schema schema, Keys keys, Schema keyProjection,
                           Function<GenericRecord, String> publishedKey, Classes classes, List<String> uniqueColumns) {

    public CleaningSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(keyProjection, "keyProjection");
        Objects.requireNonNull(publishedKey, "publishedKey");
        Objects.requireNonNull(classes, "classes");
        uniqueColumns = List.copyOf(uniqueColumns);
        for (String column : uniqueColumns) {
            if (schema.getField(column) == null) {
                throw new IllegalArgumentException(column + " is not a column of " + schema.getFullName());
            }
        }
    }

    /** A cleaning job's configuration keys with their defaults. */
    public record Keys(String sources, String sourcesDefault, String dedupDays, int dedupDaysDefault,
                       String parquetBlockSize, int parquetBlockSizeDefault) {

        /** The raw sources to read; the default is a comma-separated list, split like a configured value. */
        String[] sources(Configuration conf) {
            return StringUtils.getTrimmedStrings(conf.get(sources, sourcesDefault));
        }

        /** How many earlier days' published keys count as duplicates; 0 turns cross-day dedup off. */
        int dedupDays(Configuration conf) {
            return conf.getInt(dedupDays, dedupDaysDefault);
        }

        int parquetBlockSize(Configuration conf) {
            return conf.getInt(parquetBlockSize, parquetBlockSizeDefault);
        }
    }

    /**
     * The job's task classes: its mapper, combiner and reducer, the map output value type, and the writer of its
     * Parquet rows from that value's bytes.
     */
    @SuppressWarnings("rawtypes")
    public record Classes(Class<? extends Mapper> mapper, Class<? extends Reducer> combiner,
                          Class<? extends Reducer> reducer, Class<? extends RecordWritable> writable,
                          Class<? extends ShuffledRowsWriteSupport> rows) {
    }
}
