package org.picu.jobs.clean.io;

import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.ReflectionUtils;
import org.apache.hadoop.util.StringUtils;
import org.picu.model.layout.Dataset;

/**
 * What makes one cleaning job different from another; {@link CleaningJob} does the rest.
 *
 * @param name the job's name on the command line, e.g. {@code clean-news}
 * @param dataset the dataset it publishes
 * @param keys the job's configuration keys (from its {@code *ConfigKeys} type)
 * @param rules the dataset's rules; tasks make their own instance
 * @param uniqueColumns columns whose values are distinct by nature (ids, sequence numbers, running totals):
 *     Parquet writes them without trying a dictionary first, which they would outgrow and abandon anyway
 */
public record CleaningSpec(String name, Dataset dataset, Keys keys, Class<? extends CleaningRules> rules,
                           List<String> uniqueColumns) {

    public CleaningSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(rules, "rules");
        uniqueColumns = List.copyOf(uniqueColumns);
        Schema schema = ReflectionUtils.newInstance(rules, null).schema();
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
}
