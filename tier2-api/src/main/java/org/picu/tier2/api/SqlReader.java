package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Runs one read-only, parameterised query for an endpoint. Values are always bound with {@code setObject}, never
 * concatenated into the SQL text; instants are bound as UTC wall-clock time, as the DATETIME columns hold them.
 */
public final class SqlReader {
    private final DataSource dataSource;

    public SqlReader(DataSource dataSource) {
        this.dataSource = requireNonNull(dataSource, "dataSource is null");
    }

    /** Maps one row; called once per row while the result set is open. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Every row of {@code sql} with {@code parameters} bound in order. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, bindable(parameters[i]));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /** The UTC wall-clock value of a DATETIME column, or null. */
    public static LocalDateTime utc(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDateTime.class);
    }

    /** A nullable DOUBLE column. */
    public static Double nullableDouble(ResultSet row, String column) throws SQLException {
        return row.getObject(column, Double.class);
    }

    private static Object bindable(Object value) {
        return value instanceof Instant instant ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : value;
    }
}
