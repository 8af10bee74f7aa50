package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /api/candles/{symbol}?timeframe=1h&from=&to=&limit=}: OHLCV candles oldest first. With {@code from} the
 * first {@code limit} candles from there (before {@code to} if given); without it the newest {@code limit} candles
 * before {@code to} (or now). {@code limit} defaults to 168 (a week of hours) and is capped at 1000.
 */
public final class CandlesHandler implements Handler {
    static final Set<String> TIMEFRAMES = Set.of("1h");
    static final int DEFAULT_LIMIT = 168;
    static final int MAX_LIMIT = 1000;
    private static final String COLUMNS =
            "SELECT `timestamp`, open, high, low, close, volume, tick_count FROM candles ";
    // both forms read the clustered primary key (symbol, timeframe, timestamp) as one range, in key order (V3)
    static final String FORWARD = COLUMNS
            + "WHERE symbol = ? AND timeframe = ? AND `timestamp` >= ? AND `timestamp` < ? ORDER BY `timestamp` LIMIT"
            + " ?";
    static final String BACKWARD = COLUMNS
            + "WHERE symbol = ? AND timeframe = ? AND `timestamp` < ? ORDER BY `timestamp` DESC LIMIT ?";
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final SqlReader sql;
    private final KnownSymbols symbols;

    public CandlesHandler(SqlReader sql, KnownSymbols symbols) {
        this.sql = requireNonNull(sql, "sql is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        String timeframe = request.query().choice("timeframe", "1h", TIMEFRAMES);
        Optional<Instant> from = request.query().instant("from");
        Instant to = request.query().instant("to").orElse(FAR_FUTURE);
        int limit = request.query().intInRange("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (from.isPresent() && !from.get().isBefore(to)) {
            throw ApiException.badRequest("from", "from must be before to");
        }
        String symbol = symbols.require(request.pathParameter("symbol"), "symbol");
        List<CandlesRepresentation.Candle> candles;
        if (from.isPresent()) {
            candles = sql.list(FORWARD, CandlesHandler::read, symbol, timeframe, from.get(), to, limit);
        } else {
            candles = new ArrayList<>(sql.list(BACKWARD, CandlesHandler::read, symbol, timeframe, to, limit));
            Collections.reverse(candles);
        }
        return ApiResponse.ok(new CandlesRepresentation(symbol, timeframe, candles));
    }

    private static CandlesRepresentation.Candle read(java.sql.ResultSet row) throws SQLException {
        return new CandlesRepresentation.Candle(ApiJson.timestamp(SqlReader.utc(row, "timestamp")),
                ApiJson.number(row.getDouble("open")), ApiJson.number(row.getDouble("high")),
                ApiJson.number(row.getDouble("low")), ApiJson.number(row.getDouble("close")),
                ApiJson.number(SqlReader.nullableDouble(row, "volume")), row.getInt("tick_count"));
    }
}
