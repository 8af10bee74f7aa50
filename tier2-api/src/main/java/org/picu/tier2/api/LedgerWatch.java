package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version of the loaded data, for {@link ResponseCache}: a number that grows whenever {@code load_ledger} changes.
 * Loads may run in another process ({@code tier2 load} from cron), so a background thread reads the ledger's size and
 * newest load time every {@code interval}; a load in this process calls {@link #dataChanged()} and is seen at once.
 * Requests never wait for the ledger read.
 */
final class LedgerWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerWatch.class);
    // the primary key holds every row; the ledger has one row per loaded partition run, thousands in years
    static final String SQL = "SELECT COUNT(*), MAX(loaded_at) FROM load_ledger";

    private final DataSource dataSource;
    private final ScheduledExecutorService timer;
    private final AtomicLong version = new AtomicLong();
    private volatile String lastSeen;
    private volatile boolean failing;

    private LedgerWatch(DataSource dataSource) {
        this.dataSource = dataSource;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tier2-ledger-watch");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Reads the ledger now and then every {@code interval} until {@link #close()}. */
    static LedgerWatch start(DataSource dataSource, Duration interval) {
        LedgerWatch watch = new LedgerWatch(requireNonNull(dataSource, "dataSource is null"));
        watch.check();
        long millis = Math.max(1, interval.toMillis());
        watch.timer.scheduleWithFixedDelay(watch::check, millis, millis, TimeUnit.MILLISECONDS);
        return watch;
    }

    /** The current version; equal versions mean the ledger has not changed in between (as far as seen). */
    long version() {
        return version.get();
    }

    /** A load in this process finished: everything computed before is out of date. */
    void dataChanged() {
        version.incrementAndGet();
    }

    private void check() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(SQL);
                ResultSet row = query.executeQuery()) {
            row.next();
            String seen = row.getLong(1) + "/" + row.getString(2);
            if (!Objects.equals(seen, lastSeen)) {
                lastSeen = seen;
                version.incrementAndGet();
            }
            if (failing) {
                failing = false;
                LOG.info("load_ledger is readable again; cached answers follow new loads again");
            }
        } catch (SQLException | RuntimeException e) {
            // keep the version: a load that commits meanwhile changes the ledger, and the next good read sees that
            if (!failing) {
                failing = true;
                LOG.warn("cannot read load_ledger to notice new loads (retrying every interval): {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
