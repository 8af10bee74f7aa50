package org.picu.tier2.api.alerts;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.market.KnownSymbols;
import org.picu.tier2.api.market.LatestMarket;
import org.picu.tier2.api.market.MarketTrend;
import org.picu.tier2.config.AlertRule;

/**
 * {@code GET /api/alerts?symbol=&status=}: every configured rule ({@code api.alerts}) evaluated against each
 * symbol's latest market row (price, 24 h change) and latest 1 h indicators (RSI, MACD histogram), with status
 * {@code normal}, {@code warning} or {@code critical}; critical first. A rule without data yields no entry.
 */
public final class AlertsHandler implements Handler {
    static final Set<String> STATUSES = Set.of("normal", "warning", "critical");
    // loose index scan of the unique key for the newest time per symbol, then the rows through the same key
    static final String LATEST_INDICATORS = "SELECT t.symbol, t.rsi, t.macd_histogram, t.`timestamp` FROM"
            + " technical_indicators t JOIN (SELECT symbol, MAX(`timestamp`) AS ts FROM technical_indicators WHERE"
            + " timeframe = '1h' GROUP BY symbol) l ON t.symbol = l.symbol AND t.timeframe = '1h' AND t.`timestamp` ="
            + " l.ts";

    private final SqlReader sql;
    private final LatestMarket market;
    private final KnownSymbols symbols;
    private final List<AlertRule> rules;

    public AlertsHandler(SqlReader sql, LatestMarket market, KnownSymbols symbols, List<AlertRule> rules) {
        this.sql = requireNonNull(sql, "sql is null");
        this.market = requireNonNull(market, "market is null");
        this.symbols = requireNonNull(symbols, "symbols is null");
        this.rules = List.copyOf(rules);
    }

    private record Observed(Double value, LocalDateTime at) {
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        Optional<String> status = request.query().get("status").map(s -> request.query().choice("status", s, STATUSES));
        Optional<String> only = request.query().get("symbol").isPresent()
                ? Optional.of(symbols.require(request.query().get("symbol").get(), "symbol")) : Optional.empty();
        Map<String, Map<AlertRule.Metric, Observed>> latest = observations();
        List<AlertsRepresentation.Alert> alerts = new ArrayList<>();
        for (AlertRule rule : rules) {
            for (Map.Entry<String, Map<AlertRule.Metric, Observed>> entry : latest.entrySet()) {
                String symbol = entry.getKey();
                Observed observed = entry.getValue().get(rule.metric());
                if (rule.symbol().map(symbol::equals).orElse(true) && only.map(symbol::equals).orElse(true)
                        && observed != null && observed.value != null) {
                    alerts.add(new AlertsRepresentation.Alert(symbol, rule.metric().key(), rule.direction().key(),
                            ApiJson.number(observed.value), ApiJson.number(rule.warning()),
                            ApiJson.number(rule.critical()), rule.status(observed.value),
                            ApiJson.timestamp(observed.at)));
                }
            }
        }
        alerts.sort(Comparator.comparing((AlertsRepresentation.Alert a) -> rank(a.status()))
                .thenComparing(AlertsRepresentation.Alert::symbol).thenComparing(AlertsRepresentation.Alert::metric));
        List<AlertsRepresentation.Alert> shown = alerts.stream()
                .filter(a -> status.map(a.status()::equals).orElse(true)).toList();
        return ApiResponse.ok(AlertsRepresentation.of(shown, alerts));
    }

    private Map<String, Map<AlertRule.Metric, Observed>> observations() throws SQLException {
        Map<String, Map<AlertRule.Metric, Observed>> latest = new LinkedHashMap<>();
        for (MarketTrend trend : market.perSymbol()) {
            LocalDateTime at = LocalDateTime.ofInstant(trend.timestamp(), ZoneOffset.UTC);
            Map<AlertRule.Metric, Observed> values = latest.computeIfAbsent(trend.symbol(), s -> new LinkedHashMap<>());
            values.put(AlertRule.Metric.PRICE, new Observed(trend.price(), at));
            values.put(AlertRule.Metric.CHANGE_24H, new Observed(trend.change24h(), at));
        }
        sql.list(LATEST_INDICATORS, row -> {
            LocalDateTime at = SqlReader.utc(row, "timestamp");
            Map<AlertRule.Metric, Observed> values =
                    latest.computeIfAbsent(row.getString("symbol"), s -> new LinkedHashMap<>());
            values.put(AlertRule.Metric.RSI, new Observed(SqlReader.nullableDouble(row, "rsi"), at));
            values.put(
                    AlertRule.Metric.MACD_HISTOGRAM, new Observed(SqlReader.nullableDouble(row, "macd_histogram"), at));
            return null;
        });
        return latest;
    }

    private static int rank(String status) {
        return switch (status) {
            case "critical" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }
}
