package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;

/**
 * {@code GET /api/market/trends?symbol=&limit=}: newest observations first. {@code limit} defaults to 10 and is
 * capped at 1000 (the original had no cap); {@code symbol} is optional, 1 to 20 letters or digits, any case.
 */
public final class MarketTrendsHandler implements Handler {
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 1000;
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,20}");

    private final MarketTrendsQuery query;

    public MarketTrendsHandler(MarketTrendsQuery query) {
        this.query = requireNonNull(query, "query is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int limit = request.query().intInRange("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> symbol = request.query().get("symbol").map(MarketTrendsHandler::checkSymbol);
        return ApiResponse.ok(MarketTrendsRepresentation.of(query.latest(symbol, limit)));
    }

    private static String checkSymbol(String symbol) {
        if (!SYMBOL.matcher(symbol).matches()) {
            throw ApiException.badRequest("symbol", "symbol must be 1 to 20 letters or digits, e.g. BTC");
        }
        return symbol.toUpperCase(Locale.ROOT);
    }
}
