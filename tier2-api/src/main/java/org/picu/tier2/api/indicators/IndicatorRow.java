package org.picu.tier2.api.indicators;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.picu.tier2.api.SqlReader;

/** One row of {@code technical_indicators}; indicator values are null while too few candles exist. */
record IndicatorRow(LocalDateTime timestamp, double close, Double rsi, Double macd, Double macdSignal,
        Double macdHistogram, Double bbUpper, Double bbMiddle, Double bbLower, Double volume) {

    static final String COLUMNS = "SELECT `timestamp`, close, rsi, macd, macd_signal, macd_histogram, bb_upper, "
            + "bb_middle, bb_lower, volume FROM technical_indicators ";
    /** The timeframe the indicators job computes. */
    static final String TIMEFRAME = "1h";

    static IndicatorRow read(ResultSet row) throws SQLException {
        return new IndicatorRow(SqlReader.utc(row, "timestamp"), row.getDouble("close"),
                SqlReader.nullableDouble(row, "rsi"), SqlReader.nullableDouble(row, "macd"),
                SqlReader.nullableDouble(row, "macd_signal"), SqlReader.nullableDouble(row, "macd_histogram"),
                SqlReader.nullableDouble(row, "bb_upper"), SqlReader.nullableDouble(row, "bb_middle"),
                SqlReader.nullableDouble(row, "bb_lower"), SqlReader.nullableDouble(row, "volume"));
    }
}
