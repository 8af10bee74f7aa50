package org.picu.tier2.api.metrics;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /metrics}: the Prometheus text format (version 0.0.4), written by hand — request counts and latency
 * histograms per route, the connection pool, and per dataset the partitions and rows in the load ledger (the
 * loader's counters, read from the table so that loads by {@code tier2 load} in another process count too).
 */
public final class MetricsHandler implements Handler {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String LEDGER = "SELECT dataset, COUNT(*) AS partitions, COALESCE(SUM(row_count), 0) AS row_total "
            + "FROM load_ledger GROUP BY dataset ORDER BY dataset";

    private final RequestMetrics requests;
    private final DataSource dataSource;
    private final SqlReader sql;

    public MetricsHandler(RequestMetrics requests, DataSource dataSource) {
        this.requests = requireNonNull(requests, "requests is null");
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.sql = new SqlReader(dataSource);
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        StringBuilder out = new StringBuilder(4096);
        requests.writeTo(out);
        pool(out);
        StringBuilder partitions = new StringBuilder("# HELP picu_load_partitions Partition runs recorded in load_ledger.\n"
                + "# TYPE picu_load_partitions gauge\n");
        StringBuilder rows = new StringBuilder("# HELP picu_load_rows Rows loaded, summed over load_ledger.\n"
                + "# TYPE picu_load_rows gauge\n");
        sql.list(LEDGER, row -> {
            String labels = "{dataset=\"" + row.getString("dataset") + "\"} ";
            partitions.append("picu_load_partitions").append(labels).append(row.getLong("partitions")).append('\n');
            rows.append("picu_load_rows").append(labels).append(row.getLong("row_total")).append('\n');
            return null;
        });
        out.append(partitions).append(rows);
        return ApiResponse.content(CONTENT_TYPE, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void pool(StringBuilder out) {
        if (!(dataSource instanceof HikariDataSource hikari) || hikari.getHikariPoolMXBean() == null) {
            return;
        }
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        out.append("# HELP picu_db_pool_connections Database connections by state.\n")
                .append("# TYPE picu_db_pool_connections gauge\n")
                .append("picu_db_pool_connections{state=\"active\"} ").append(pool.getActiveConnections()).append('\n')
                .append("picu_db_pool_connections{state=\"idle\"} ").append(pool.getIdleConnections()).append('\n')
                .append("# HELP picu_db_pool_max_connections The pool's size limit (database.pool-size).\n")
                .append("# TYPE picu_db_pool_max_connections gauge\n")
                .append("picu_db_pool_max_connections ").append(hikari.getMaximumPoolSize()).append('\n')
                .append("# HELP picu_db_pool_waiting_threads Threads waiting for a connection.\n")
                .append("# TYPE picu_db_pool_waiting_threads gauge\n")
                .append("picu_db_pool_waiting_threads ").append(pool.getThreadsAwaitingConnection()).append('\n');
    }
}
