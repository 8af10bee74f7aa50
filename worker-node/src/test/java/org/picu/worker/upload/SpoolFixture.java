package org.picu.worker.upload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;
import org.picu.worker.spool.SpoolWriter;

/** Writes real spool files with the real writer, for upload tests. */
final class SpoolFixture {
    static final Instant DAY_1 = Instant.parse("2026-11-21T03:04:05.123Z");
    static final Instant DAY_2 = Instant.parse("2026-11-22T00:10:00Z");

    private SpoolFixture() {
    }

    /** Writes one file per entry of {@code recordsPerFile}, all on {@code day}; returns their paths. */
    static List<Path> write(Path spool, Instant day, int... recordsPerFile) throws IOException {
        try (SpoolWriter writer = SpoolWriter.open(spool, "upbit", "w1", 1L << 24, Duration.ofHours(1),
                Clock.fixed(day, ZoneOffset.UTC))) {
            for (int count : recordsPerFile) {
                for (int i = 0; i < count; i++) {
                    ObjectNode payload = EnvelopeCodec.newPayload();
                    payload.put("symbol", "BTC");
                    payload.put("price", 131245000 + i);
                    writer.append(
                            RecordKind.MARKET_TICK, day, "https://api.upbit.com/v1/ticker?markets=KRW-BTC", payload);
                }
                writer.roll();
            }
            return writer.rolledFiles();
        }
    }
}
