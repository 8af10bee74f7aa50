package org.picu.tier2.api.status;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 when a database connection answers, else 503 {@code degraded}. */
public final class HealthHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Clock clock;
    // Probes arrive every few seconds; log only when the state changes, not on every failed probe.
    private final AtomicBoolean lastHealthy = new AtomicBoolean(true);

    public HealthHandler(DataSource dataSource, Clock clock) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String now = ApiJson.timestamp(clock.instant());
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                throw new SQLException("connection did not validate within " + VALIDATION_TIMEOUT_SECONDS + " s");
            }
            if (!lastHealthy.getAndSet(true)) {
                LOG.info("database reachable again");
            }
            return ApiResponse.ok(HealthRepresentation.healthy(now));
        } catch (SQLException e) {
            if (lastHealthy.getAndSet(false)) {
                LOG.warn("health check: database unreachable: {}", e.getMessage());
            }
            return new ApiResponse(503, HealthRepresentation.degraded(now));
        }
    }
}
