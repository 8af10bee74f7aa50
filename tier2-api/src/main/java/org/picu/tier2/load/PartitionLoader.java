package org.picu.tier2.load;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads every published partition whose run is not in {@code load_ledger} yet. Each partition is one transaction:
 * ledger row, all its rows, commit; so loading twice changes nothing and a crash leaves no half partition.
 * A partition that fails is rolled back and reported; the others still load.
 */
public final class PartitionLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionLoader.class);

    private final DataSource dataSource;
    private final FileSystem fs;
    private final HdfsLayout layout;
    private final int batchSize;
    private final Clock clock;

    public PartitionLoader(DataSource dataSource, FileSystem fs, HdfsLayout layout, int batchSize) {
        this(dataSource, fs, layout, batchSize, Clock.systemUTC());
    }

    PartitionLoader(DataSource dataSource, FileSystem fs, HdfsLayout layout, int batchSize, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.fs = requireNonNull(fs, "fs is null");
        this.layout = requireNonNull(layout, "layout is null");
        this.clock = requireNonNull(clock, "clock is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
    }

    /**
     * Loads the new partitions of each dataset, datasets in the given order, days oldest first, holding the
     * database-wide load lock so that only one loader runs at a time.
     *
     * @throws IOException if the dataset directories cannot be listed
     * @throws LoadDatabaseException if the database cannot be reached
     * @throws LoaderBusyException if another loader is running
     */
    public LoadReport loadNew(List<DatasetLoader> loaders) throws IOException {
        // one session for the whole run: it holds the load lock, and a pool of one connection still works
        try (Connection connection = dataSource.getConnection()) {
            if (!LoadLock.tryAcquire(connection)) {
                throw new LoaderBusyException("another loader holds the database lock '" + LoadLock.NAME
                        + "'; this run loads nothing, the next one picks up where that one ends");
            }
            try {
                List<PartitionOutcome> outcomes = new ArrayList<>();
                for (DatasetLoader loader : loaders) {
                    for (PublishedPartition partition : PublishedPartitions.find(fs, layout, loader.dataset())) {
                        outcomes.add(loadOne(connection, loader, partition));
                    }
                }
                return new LoadReport(outcomes);
            } finally {
                LoadLock.release(connection);
            }
        } catch (SQLException e) {
            throw new LoadDatabaseException("hold a database session for loading", e);
        }
    }

    /** Loads the new partitions of one dataset. */
    public LoadReport loadNew(DatasetLoader loader) throws IOException {
        return loadNew(List.of(loader));
    }

    private PartitionOutcome loadOne(Connection connection, DatasetLoader loader, PublishedPartition partition) {
        Optional<String> runId = Optional.empty();
        try {
            PartitionManifest manifest = partition.readManifest(fs);
            runId = Optional.of(manifest.runId());
            return load(connection, loader, partition, manifest);
        } catch (LoadException e) {
            LOG.error("could not load {} (run {}); nothing of it was written: {}", partition, runId.orElse("unknown"),
                    e.getMessage());
            return PartitionOutcome.failed(partition, runId, e.getMessage());
        } catch (IOException | SQLException | RuntimeException e) {
            // not a problem of the partition's content: keep the stack trace for whoever debugs it
            LOG.error("could not load {} (run {}); nothing of it was written: {}", partition, runId.orElse("unknown"),
                    e.getMessage(), e);
            return PartitionOutcome.failed(partition, runId, e.toString());
        }
    }

    private PartitionOutcome load(Connection connection, DatasetLoader loader, PublishedPartition partition,
            PartitionManifest manifest) throws IOException, SQLException {
        long startNanos = System.nanoTime();
        if (LoadLedger.contains(connection, partition.dataset(), partition.date(), manifest.runId())) {
            LOG.debug("{} run {} is loaded already", partition, manifest.runId());
            return PartitionOutcome.skipped(partition, manifest.runId(), "already loaded");
        }
        connection.setAutoCommit(false);
        try {
            try {
                if (!LoadLedger.record(connection, partition.dataset(), partition.date(), manifest.runId(),
                        manifest.recordCount(), clock.instant())) {
                    connection.rollback();
                    return PartitionOutcome.skipped(
                            partition, manifest.runId(), "loaded concurrently by another loader");
                }
                long rows = loader.load(connection, new PartitionData(fs, partition, manifest), batchSize);
                if (rows != manifest.recordCount()) {
                    throw new LoadException(partition.directory().toString(), "the data files hold " + rows
                            + " rows but the manifest promises " + manifest.recordCount());
                }
                connection.commit();
                LOG.info("loaded {} run {}: {} rows in {} ms", partition, manifest.runId(), rows,
                        (System.nanoTime() - startNanos) / 1_000_000);
                return PartitionOutcome.loaded(partition, manifest.runId(), rows);
            } catch (IOException | SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } finally {
            connection.setAutoCommit(true); // the lock queries between partitions run outside any transaction
        }
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // the server discards the open transaction when the connection dies, so nothing is lost by going on
            failure.addSuppressed(e);
        }
    }
}
