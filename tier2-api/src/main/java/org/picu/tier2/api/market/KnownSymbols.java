package org.picu.tier2.api.market;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.SqlReader;
import org.picu.tier2.api.SymbolParameter;

/**
 * The symbols the database has data for, so that a misspelt symbol is a 400 naming the field rather than an empty
 * answer that looks like "no data". Cached: refreshed when older than a minute, or on a miss when older than two
 * seconds (newly loaded coins appear quickly, while a flood of made-up symbols costs one query per two seconds).
 */
public final class KnownSymbols {
    // DISTINCT on the leading column of an index is a loose index scan: one dive per symbol, not a table scan
    static final String SQL = "SELECT DISTINCT symbol FROM market_trends UNION SELECT DISTINCT symbol FROM candles "
            + "UNION SELECT DISTINCT symbol FROM technical_indicators";
    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Duration MIN_AGE_ON_MISS = Duration.ofSeconds(2);

    private final SqlReader sql;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Set.of(), Instant.EPOCH);

    private record Snapshot(Set<String> symbols, Instant readAt) {
    }

    public KnownSymbols(SqlReader sql, Clock clock) {
        this.sql = requireNonNull(sql, "sql is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /**
     * Parses and checks a symbol parameter.
     *
     * @throws ApiException 400 naming {@code field} if it is malformed or has no data
     */
    public String require(String text, String field) throws SQLException {
        String symbol = SymbolParameter.parse(text, field);
        if (!current(false).contains(symbol) && !current(true).contains(symbol)) {
            throw ApiException.badRequest(field, "unknown " + field + ": there is no data for it; "
                    + "/api/dashboard/summary lists the symbols with data");
        }
        return symbol;
    }

    private Set<String> current(boolean miss) throws SQLException {
        Snapshot now = snapshot;
        Duration age = Duration.between(now.readAt, clock.instant());
        if (age.compareTo(miss ? MIN_AGE_ON_MISS : MAX_AGE) < 0) {
            return now.symbols;
        }
        Set<String> symbols = Set.copyOf(sql.list(SQL, row -> row.getString(1)));
        snapshot = new Snapshot(symbols, clock.instant());
        return symbols;
    }
}
