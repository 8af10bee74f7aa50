package org.picu.tier2.api.insights;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.SqlReader;

/** One insight as the API shows it: the original's fields plus the window, value and threshold behind it. */
public record InsightRow(long id, String type, String symbol, String description, String severity,
        @JsonProperty("created_at") String createdAt, @JsonProperty("window_start") String windowStart,
        @JsonProperty("window_end") String windowEnd, BigDecimal value, BigDecimal threshold) {

    static final String COLUMNS = "SELECT id, insight_type, symbol, description, severity, created_at, window_start, "
            + "window_end, value, threshold FROM crypto_insights ";

    static InsightRow read(ResultSet row) throws SQLException {
        return new InsightRow(
                row.getLong("id"),
                row.getString("insight_type"),
                row.getString("symbol"),
                row.getString("description"),
                row.getString("severity"),
                ApiJson.timestamp(SqlReader.utc(row, "created_at")),
                ApiJson.timestamp(SqlReader.utc(row, "window_start")),
                ApiJson.timestamp(SqlReader.utc(row, "window_end")),
                ApiJson.number(row.getDouble("value")),
                ApiJson.number(row.getDouble("threshold")));
    }
}
