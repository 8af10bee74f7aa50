package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipTest {

    @Test
    void gzip_is_accepted_when_listed_or_covered_by_a_wildcard_without_a_zero_weight() {
        for (String header : new String[] {"gzip", "gzip, deflate, br", "br;q=1.0, GZIP;q=0.5", "*", "deflate, *;q=0.1",
                "x-gzip", "gzip;q=bad"}) {
            assertTrue(Gzip.accepted(header), header);
        }
        for (String header : new String[] {null, "", "identity", "br, deflate", "gzip;q=0", "gzip; q=0.000", "*;q=0",
                "gzip;q=0, *", "*, gzip;q=0"}) {
            assertFalse(Gzip.accepted(header), String.valueOf(header));
        }
    }

    @Test
    void small_bodies_are_left_alone_and_large_ones_round_trip() throws IOException {
        assertNull(Gzip.compressible(new byte[Gzip.MIN_BYTES - 1]));
        byte[] body = "{\"symbol\":\"BTC\",\"close\":\"97000000\"},".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = Gzip.compressible(body);
        assertTrue(gzipped.length < body.length / 4, gzipped.length + " of " + body.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(body, in.readAllBytes());
        }
    }
}
