package org.picu.tier2.api.dashboard;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.market.FearGreedHandler;
import org.picu.tier2.api.market.FearGreedRepresentation;
import org.picu.tier2.api.market.LatestMarket;
import org.picu.tier2.api.market.MarketTrend;

/**
 * {@code GET /api/dashboard/summary}: the original's four parts, fixed — the coins by volume are the latest row of
 * each symbol (the original listed one coin several times) — plus {@code market}, every symbol's latest price.
 */
public final class DashboardSummaryHandler implements Handler {
    static final int TOP_VOLUME = 5;
    static final int LATEST_INSIGHTS = 10;
    // range scan of ix_news_sentiment_published_score, index only (V4)
    static final String SENTIMENT = "SELECT AVG(score) AS average FROM news_sentiment WHERE published_at >= ?";
    // ix_insights_created read backwards
    static final String INSIGHTS = "SELECT insight_type, symbol, description, severity FROM crypto_insights "
            + "ORDER BY created_at DESC, id DESC LIMIT ?";

    private final SqlReader sql;
    private final LatestMarket market;
    private final FearGreedHandler fearGreed;
    private final Clock clock;

    public DashboardSummaryHandler(SqlReader sql, LatestMarket market, FearGreedHandler fearGreed, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.market = requireNonNull(market, "market is null");
        this.fearGreed = requireNonNull(fearGreed, "fearGreed is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        FearGreedRepresentation.Point index = fearGreed.latest();
        List<Double> average = sql.list(SENTIMENT, row -> SqlReader.nullableDouble(row, "average"),
                clock.instant().minus(Duration.ofHours(24)));
        List<MarketTrend> latest = market.perSymbol();
        List<DashboardSummaryRepresentation.Coin> top = latest.stream()
                .filter(t -> t.volume24h() != null)
                .sorted(Comparator.comparing(MarketTrend::volume24h).reversed().thenComparing(MarketTrend::symbol))
                .limit(TOP_VOLUME)
                .map(t -> new DashboardSummaryRepresentation.Coin(t.symbol(), ApiJson.number(t.volume24h()),
                        ApiJson.number(t.change24h())))
                .toList();
        List<DashboardSummaryRepresentation.Insight> insights = sql.list(
                INSIGHTS,
                row -> new DashboardSummaryRepresentation.Insight(
                        row.getString("insight_type"),
                        row.getString("symbol"),
                        row.getString("description"),
                        row.getString("severity")),
                LATEST_INSIGHTS);
        return ApiResponse.ok(new DashboardSummaryRepresentation(
                index == null
                        ? DashboardSummaryRepresentation.Index.NEUTRAL
                        : new DashboardSummaryRepresentation.Index(
                                index.value(), index.classification(), index.timestamp()),
                round2(average.isEmpty() ? null : average.get(0)),
                top,
                insights,
                latest.stream().map(DashboardSummaryRepresentation.Price::of).toList()));
    }

    private static BigDecimal round2(Double value) {
        return value == null
                ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
