package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApiJsonTest {
    @Test
    void numbers_are_plain_and_shortest() throws Exception {
        assertEquals("{\"a\":95000000,\"b\":0.00012,\"c\":812.5,\"d\":-1,\"e\":0}",
                json(Map.of("a", ApiJson.number(95_000_000.0), "b", ApiJson.number(0.00012), "c", ApiJson.number(812.5),
                        "d", ApiJson.number(-1.0), "e", ApiJson.number(0.0))));
        assertNull(ApiJson.number(null));
        assertNull(ApiJson.number(Double.NaN));
    }

    @Test
    void timestamps_are_utc_with_milliseconds_and_z() {
        assertEquals("2026-11-22T00:00:00.000Z", ApiJson.timestamp(Instant.parse("2026-11-22T00:00:00Z")));
        assertEquals("2026-11-22T09:08:07.123Z", ApiJson.timestamp(Instant.parse("2026-11-22T18:08:07.123+09:00")));
    }

    private static String json(Map<String, Object> values) throws Exception {
        // sorted so the expected text is stable
        return new String(ApiJson.write(new TreeMap<>(values)), StandardCharsets.UTF_8);
    }
}
