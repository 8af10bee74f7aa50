package org.picu.tier2.api.dashboard;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /api/dashboard/sentiment-timeline?hours=|days=}: hourly average sentiment and item count over the last
 * {@code hours} (1-720) or {@code days} (1-30). Neither means 24 hours (the original answered 500); both is a 400.
 */
public final class SentimentTimelineHandler implements Handler {
    // index-only range scan of ix_news_sentiment_published_score (V4); hours are UTC as the session runs in UTC
    static final String SQL = "SELECT DATE_FORMAT(published_at, '%Y-%m-%d %H:00:00') AS hour, AVG(score) AS average, "
            + "COUNT(*) AS items FROM news_sentiment WHERE published_at >= ? GROUP BY hour ORDER BY hour";

    private final SqlReader sql;
    private final Clock clock;

    public SentimentTimelineHandler(SqlReader sql, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * The original's shape; {@code timestamp} is the hour as {@code YYYY-MM-DD HH:00:00} in UTC; {@code from} and
     * {@code to} (ISO-8601 UTC) are the window asked for, so a chart can place the hours without news.
     */
    public record Representation(List<Point> timeline, String from, String to) {
    }

    /** One hour. */
    public record Point(String timestamp, BigDecimal sentiment, @JsonProperty("count") long count) {
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        boolean hasHours = request.query().get("hours").isPresent();
        boolean hasDays = request.query().get("days").isPresent();
        if (hasHours && hasDays) {
            throw ApiException.badRequest("days", "give hours or days, not both");
        }
        int hours = hasDays ? request.query().intBetween("days", 1, 1, 30) * 24
                : request.query().intBetween("hours", 24, 1, 720);
        Instant to = clock.instant();
        Instant from = to.minus(Duration.ofHours(hours));
        List<Point> timeline = sql.list(SQL, row -> new Point(row.getString("hour"),
                BigDecimal.valueOf(row.getDouble("average")).setScale(2, RoundingMode.HALF_UP), row.getLong("items")),
                from);
        return ApiResponse.ok(new Representation(timeline, ApiJson.timestamp(from), ApiJson.timestamp(to)));
    }
}
