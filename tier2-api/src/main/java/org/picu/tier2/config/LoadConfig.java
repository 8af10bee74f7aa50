package org.picu.tier2.config;

/**
 * {@code load.*}: how the loader writes to MariaDB.
 *
 * @param batchSize rows per JDBC batch inside a partition's transaction
 */
public record LoadConfig(int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int MAX_BATCH_SIZE = 100_000;

    public LoadConfig {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("load.batch-size must be from 1 to " + MAX_BATCH_SIZE + ", got " + batchSize);
        }
    }

    public static LoadConfig defaults() {
        return new LoadConfig(DEFAULT_BATCH_SIZE);
    }
}
