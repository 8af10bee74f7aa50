package org.picu.tier2.api.indicators;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.market.KnownSymbols;

/**
 * {@code GET /api/technical-indicators/{symbol}?hours=}: the newest 1 h indicator values of a symbol within the last
 * {@code hours} (1-168, default 24); {@code indicators: null} with a message when there are none in that window.
 */
public final class TechnicalIndicatorsHandler implements Handler {
    // the unique key (symbol, timeframe, timestamp) read backwards from the newest row
    static final String SQL = IndicatorRow.COLUMNS
            + "WHERE symbol = ? AND timeframe = ? AND `timestamp` >= ? ORDER BY `timestamp` DESC LIMIT 1";

    private final SqlReader sql;
    private final KnownSymbols symbols;
    private final Clock clock;

    public TechnicalIndicatorsHandler(SqlReader sql, KnownSymbols symbols, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int hours = request.query().intBetween("hours", 24, 1, 168);
        String symbol = symbols.require(request.pathParameter("symbol"), "symbol");
        List<IndicatorRow> rows = sql.list(SQL, IndicatorRow::read, symbol, IndicatorRow.TIMEFRAME,
                clock.instant().minus(Duration.ofHours(hours)));
        if (rows.isEmpty()) {
            return ApiResponse.ok(new IndicatorsRepresentation.Latest(symbol, null,
                    "no indicators for " + symbol + " in the last " + hours + " hours"));
        }
        return ApiResponse.ok(new IndicatorsRepresentation.Latest(symbol,
                IndicatorsRepresentation.Values.of(rows.get(0)), null));
    }
}
