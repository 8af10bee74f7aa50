package org.picu.tier2.api.insights;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.SymbolParameter;

/**
 * {@code GET /api/insights/recent?limit=&severity=&symbol=}: newest first, {@code limit} 1-100 (default 20, larger
 * values lowered to 100), optionally of one severity and/or symbol.
 */
public final class InsightsRecentHandler implements Handler {
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** The severities the insights job writes, and the original's. */
    static final Set<String> SEVERITIES = Set.of("normal", "warning", "critical", "low", "medium", "high");

    private final SqlReader sql;

    public InsightsRecentHandler(SqlReader sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    /** The original's shape. */
    public record Representation(List<InsightRow> insights) {
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int limit = request.query().intInRange("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> severity =
                request.query().get("severity").map(s -> request.query().choice("severity", s, SEVERITIES));
        Optional<String> symbol = request.query().get("symbol").map(s -> SymbolParameter.parse(s, "symbol"));
        // the WHERE clause is assembled from fixed fragments only; the values are bound
        StringBuilder where = new StringBuilder();
        List<Object> values = new ArrayList<>();
        if (severity.isPresent()) {
            where.append("severity = ?");
            values.add(severity.get());
        }
        if (symbol.isPresent()) {
            where.append(where.length() > 0 ? " AND " : "").append("symbol = ?");
            values.add(symbol.get());
        }
        values.add(limit);
        String query = InsightRow.COLUMNS + (where.length() > 0 ? "WHERE " + where + " " : "")
                + "ORDER BY created_at DESC, id DESC LIMIT ?";
        return ApiResponse.ok(new Representation(sql.list(query, InsightRow::read, values.toArray())));
    }
}
