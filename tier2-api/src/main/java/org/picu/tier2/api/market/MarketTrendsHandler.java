package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Optional;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;

/**
 * {@code GET /api/market/trends?symbol=&limit=}: newest observations first. {@code limit} defaults to 10 and is
 * capped at 1000 (the original had no cap); {@code symbol} is optional, 1 to 20 letters or digits, any case, and
 * must have data (else 400 naming it).
 */
public final class MarketTrendsHandler implements Handler {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;

    private final MarketTrendsQuery query;
    private final KnownSymbols symbols;

    public MarketTrendsHandler(MarketTrendsQuery query, KnownSymbols symbols) {
        this.query = requireNonNull(query, "query is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int limit = request.query().intInRange("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> text = request.query().get("symbol");
        Optional<String> symbol =
                text.isPresent() ? Optional.of(symbols.require(text.get(), "symbol")) : Optional.empty();
        return ApiResponse.ok(MarketTrendsRepresentation.of(query.latest(symbol, limit)));
    }
}
