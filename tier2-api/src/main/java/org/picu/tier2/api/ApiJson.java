package org.picu.tier2.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the API writes JSON: one mapper, UTC timestamps with a {@code Z}, numbers without exponents. */
public final class ApiJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    // Fixed millisecond precision: every timestamp has the same width and sorts as text.
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ApiJson() {
    }

    /** Serialises a representation to UTF-8 JSON. */
    public static byte[] write(Object body) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(body);
    }

    /** ISO-8601 in UTC, e.g. {@code 2026-11-22T03:04:05.678Z}. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A UTC wall-clock value read from a DATETIME column, as {@link #timestamp(Instant)}; null stays null. */
    public static String timestamp(LocalDateTime utc) {
        return utc == null ? null : TIMESTAMP.format(utc.toInstant(ZoneOffset.UTC));
    }

    /**
     * A double as the shortest decimal that reads back as the same double, without an exponent: prices in KRW are
     * large ({@code 95000000}) and small coins tiny ({@code 0.00012}), and {@code 9.5E7} would surprise clients.
     */
    public static BigDecimal number(Double value) {
        if (value == null || !Double.isFinite(value)) {
            return null;
        }
        BigDecimal decimal = BigDecimal.valueOf(value).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }
}
