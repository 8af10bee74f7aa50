package org.picu.tier2.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.picu.model.layout.Dataset;

/**
 * Writes one cleaned dataset into its table. {@link PartitionLoader} does the discovery, the ledger and the
 * transaction; an implementation only maps rows, so a new table needs a migration and one of these.
 */
public interface DatasetLoader {
    /** The dataset whose partitions this loader understands. */
    Dataset dataset();

    /**
     * Upserts every row of {@code data} by the table's natural key and removes rows that an earlier run of the same
     * partition had but this run no longer has. Runs inside the caller's transaction: never commits.
     *
     * @return the number of rows read from the partition
     */
    long load(Connection connection, PartitionData data, int batchSize) throws IOException, SQLException;
}
