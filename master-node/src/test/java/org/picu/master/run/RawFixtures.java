package org.picu.master.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/** Writes small, valid raw files the way a worker's uploader names them. */
final class RawFixtures {
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    private RawFixtures() {
    }

    /** An Upbit market-tick file of {@code count} ticks (BTC and ETH, one per minute from 03:00 UTC). */
    static String upbit(FileSystem fs, HdfsLayout layout, PartitionDate date, String worker, long firstSeq, int count)
            throws IOException {
        StringBuilder lines = new StringBuilder();
        // Each worker ticks at its own second, so files of different workers never hold duplicates.
        Instant base = date.start().plus(3, ChronoUnit.HOURS).plusSeconds(Math.floorMod(worker.hashCode(), 60));
        for (int i = 0; i < count; i++) {
            ObjectNode p = EnvelopeCodec.newPayload();
            p.put("symbol", i % 2 == 0 ? "BTC" : "ETH");
            p.put("quote_currency", "KRW");
            p.put("price", 100 + firstSeq + i);
            p.put("timestamp", base.plus(firstSeq + i, ChronoUnit.MINUTES).toString());
            lines.append(CODEC.toJsonLine(new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK,
                    base.plus(firstSeq + i, ChronoUnit.MINUTES), worker, firstSeq + i, "http://127.0.0.1/v1/ticker", p)))
                    .append('\n');
        }
        return write(fs, new Path(layout.rawDir("upbit", date)), new RawFileName("upbit", worker, firstSeq,
                firstSeq + count - 1), lines.toString());
    }

    /** A Fear &amp; Greed file (the test registry's failing job reads it). */
    static String fearGreed(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        ObjectNode p = EnvelopeCodec.newPayload();
        p.put("value", 42);
        p.put("classification", "Fear");
        p.put("timestamp", date.start().toString());
        p.put("via", "api");
        String line = CODEC.toJsonLine(new RecordEnvelope(1, "fear_greed", RecordKind.FEAR_GREED, date.start(), "w1", 1,
                "http://127.0.0.1/fng", p)) + "\n";
        return write(fs, new Path(layout.rawDir("fear_greed", date)), new RawFileName("fear_greed", "w1", 1, 1), line);
    }

    private static String write(FileSystem fs, Path dir, RawFileName name, String content) throws IOException {
        fs.mkdirs(dir);
        try (OutputStream out = fs.create(new Path(dir, name.toString()), false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return name.toString();
    }
}
