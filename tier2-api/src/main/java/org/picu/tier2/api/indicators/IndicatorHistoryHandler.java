package org.picu.tier2.api.indicators;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.market.KnownSymbols;

/**
 * {@code GET /api/technical-indicators/{symbol}/history?hours=&limit=}: 1 h indicator values of the last
 * {@code hours} (1-168, default 24), newest first, at most {@code limit} (1-500, default 100, larger lowered).
 */
public final class IndicatorHistoryHandler implements Handler {
    static final String SQL = IndicatorRow.COLUMNS
            + "WHERE symbol = ? AND timeframe = ? AND `timestamp` >= ? ORDER BY `timestamp` DESC LIMIT ?";

    private final SqlReader sql;
    private final KnownSymbols symbols;
    private final Clock clock;

    public IndicatorHistoryHandler(SqlReader sql, KnownSymbols symbols, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int hours = request.query().intBetween("hours", 24, 1, 168);
        int limit = request.query().intInRange("limit", 100, 1, 500);
        String symbol = symbols.require(request.pathParameter("symbol"), "symbol");
        return ApiResponse.ok(new IndicatorsRepresentation.History(symbol, sql.list(SQL,
                row -> IndicatorsRepresentation.Point.of(IndicatorRow.read(row)), symbol, IndicatorRow.TIMEFRAME,
                clock.instant().minus(Duration.ofHours(hours)), limit)));
    }
}
