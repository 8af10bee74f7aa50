package org.picu.tier2.api.metrics;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /metrics}: the Micrometer registry in the Prometheus text format (version 0.0.4) — JVM, process, HTTP
 * requests per route, the connection pool, and per dataset the partitions and rows in the load ledger (read from the
 * table at each scrape, so that loads by {@code tier2 load} in another process count too).
 */
public final class MetricsHandler implements Handler {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String LEDGER = "SELECT dataset, COUNT(*) AS partitions, COALESCE(SUM(row_count), 0) AS row_total "
            + "FROM load_ledger GROUP BY dataset ORDER BY dataset";

    private final RequestMetrics metrics;
    private final SqlReader sql;
    private final MultiGauge partitions;
    private final MultiGauge rows;

    public MetricsHandler(RequestMetrics metrics, DataSource dataSource) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.sql = new SqlReader(requireNonNull(dataSource, "dataSource is null"));
        this.partitions = MultiGauge.builder("picu.load.partitions")
                .description("Partition runs recorded in load_ledger").register(metrics.registry());
        this.rows = MultiGauge.builder("picu.load.rows")
                .description("Rows loaded, summed over load_ledger").register(metrics.registry());
        pool(dataSource);
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        List<long[]> counts = new java.util.ArrayList<>();
        List<String> datasets = sql.list(LEDGER, row -> {
            counts.add(new long[] {row.getLong("partitions"), row.getLong("row_total")});
            return row.getString("dataset");
        });
        partitions.register(rowsOf(datasets, counts, 0), true);
        rows.register(rowsOf(datasets, counts, 1), true);
        String text = metrics.registry().scrape(CONTENT_TYPE);
        return ApiResponse.content(CONTENT_TYPE, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<MultiGauge.Row<?>> rowsOf(List<String> datasets, List<long[]> counts, int column) {
        List<MultiGauge.Row<?>> result = new java.util.ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            result.add(MultiGauge.Row.of(Tags.of("dataset", datasets.get(i)), counts.get(i)[column]));
        }
        return result;
    }

    private void pool(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari)) {
            return;
        }
        var registry = metrics.registry();
        Gauge.builder("picu.db.pool.connections", hikari, h -> bean(h) == null ? 0 : bean(h).getActiveConnections())
                .description("Database connections by state").tag("state", "active").register(registry);
        Gauge.builder("picu.db.pool.connections", hikari, h -> bean(h) == null ? 0 : bean(h).getIdleConnections())
                .description("Database connections by state").tag("state", "idle").register(registry);
        Gauge.builder("picu.db.pool.max.connections", hikari, HikariDataSource::getMaximumPoolSize)
                .description("The pool's size limit (database.pool-size)").register(registry);
        Gauge.builder("picu.db.pool.waiting.threads", hikari,
                h -> bean(h) == null ? 0 : bean(h).getThreadsAwaitingConnection())
                .description("Threads waiting for a connection").register(registry);
    }

    private static HikariPoolMXBean bean(HikariDataSource hikari) {
        return hikari.getHikariPoolMXBean();
    }
}
