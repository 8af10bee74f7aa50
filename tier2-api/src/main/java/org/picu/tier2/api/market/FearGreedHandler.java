package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /api/fear-greed?days=&limit=}: the newest index value and its history over the last {@code days}
 * (1-365, default 30), oldest first, at most {@code limit} points (default 100, capped at 1000).
 */
public final class FearGreedHandler implements Handler {
    // ORDER BY the unique key on `timestamp`: both read the index backwards and stop after LIMIT rows
    static final String LATEST = "SELECT `timestamp`, value, classification, source FROM fear_greed_index "
            + "ORDER BY `timestamp` DESC LIMIT 1";
    static final String HISTORY = "SELECT `timestamp`, value, classification, source FROM fear_greed_index "
            + "WHERE `timestamp` >= ? ORDER BY `timestamp` DESC LIMIT ?";

    private final SqlReader sql;
    private final Clock clock;

    public FearGreedHandler(SqlReader sql, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int days = request.query().intBetween("days", 30, 1, 365);
        int limit = request.query().intInRange("limit", 100, 1, 1000);
        List<FearGreedRepresentation.Point> latest = sql.list(LATEST, FearGreedHandler::read);
        List<FearGreedRepresentation.Point> history = new ArrayList<>(
                sql.list(HISTORY, FearGreedHandler::read, clock.instant().minus(Duration.ofDays(days)), limit));
        Collections.reverse(history);
        return ApiResponse.ok(new FearGreedRepresentation(latest.isEmpty() ? null : latest.get(0), history));
    }

    /** The newest value, or null; for the dashboard summary. */
    public FearGreedRepresentation.Point latest() throws SQLException {
        List<FearGreedRepresentation.Point> latest = sql.list(LATEST, FearGreedHandler::read);
        return latest.isEmpty() ? null : latest.get(0);
    }

    private static FearGreedRepresentation.Point read(java.sql.ResultSet row) throws SQLException {
        return new FearGreedRepresentation.Point(
                ApiJson.timestamp(SqlReader.utc(row, "timestamp")),
                row.getInt("value"),
                row.getString("classification"),
                row.getString("source"));
    }
}
