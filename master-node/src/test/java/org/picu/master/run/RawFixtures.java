package org.picu.master.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        return upbit(fs, layout, date, worker, firstSeq, count, Duration.ofMinutes(1), 3);
    }

    /**
     * An Upbit market-tick file of {@code count} ticks, BTC and ETH in turn, {@code step} apart from
     * {@code startHour} UTC; the price zigzags so that indicators have gains and losses to average.
     */
    static String upbit(FileSystem fs, HdfsLayout layout, PartitionDate date, String worker, long firstSeq, int count,
                        Duration step, int startHour) throws IOException {
        StringBuilder lines = new StringBuilder();
        // Each worker ticks at its own second, so files of different workers never hold duplicates.
        Instant base = date.start().plus(startHour, ChronoUnit.HOURS).plusSeconds(Math.floorMod(worker.hashCode(), 60));
        for (int i = 0; i < count; i++) {
            long n = firstSeq + i;
            Instant at = base.plus(step.multipliedBy(n));
            ObjectNode p = EnvelopeCodec.newPayload();
            p.put("symbol", i % 2 == 0 ? "BTC" : "ETH");
            p.put("quote_currency", "KRW");
            p.put("price", 100 + n + (n % 5) * 3);
            p.put("day_volume", 10.0 * n + (n % 7));
            p.put("timestamp", at.toString());
            lines.append(CODEC.toJsonLine(new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, at, worker, n,
                    "http://127.0.0.1/v1/ticker", p))).append('\n');
        }
        return write(fs, new Path(layout.rawDir("upbit", date)), new RawFileName("upbit", worker, firstSeq,
                firstSeq + count - 1), lines.toString());
    }

    /** A Fear &amp; Greed file with the day's value. */
    static String fearGreed(FileSystem fs, HdfsLayout layout, PartitionDate date) throws IOException {
        return fearGreed(fs, layout, date, "w1", 1);
    }

    /** A Fear &amp; Greed file with the day's value, as crawled by {@code worker}. */
    static String fearGreed(FileSystem fs, HdfsLayout layout, PartitionDate date, String worker, long seq)
            throws IOException {
        ObjectNode p = EnvelopeCodec.newPayload();
        p.put("value", 42);
        p.put("classification", "Fear");
        p.put("timestamp", date.start().toString());
        p.put("via", "api");
        String line = CODEC.toJsonLine(new RecordEnvelope(1, "fear_greed", RecordKind.FEAR_GREED,
                date.start().plusSeconds(seq), worker, seq, "http://127.0.0.1/fng", p)) + "\n";
        return write(
                fs, new Path(layout.rawDir("fear_greed", date)), new RawFileName("fear_greed", worker, seq, seq), line);
    }

    /** A news file of English Bitcoin headlines, one every {@code 24 / titles.length} hours from midnight. */
    static String news(FileSystem fs, HdfsLayout layout, PartitionDate date, String worker, long firstSeq,
                       String... titles) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < titles.length; i++) {
            Instant at = date.start().plus(Duration.ofHours(24L * i / titles.length)).plusSeconds(firstSeq);
            ObjectNode p = EnvelopeCodec.newPayload();
            p.put("title", titles[i]);
            p.put("url", "http://127.0.0.1/news/" + date + "/" + (firstSeq + i));
            p.put("content", titles[i] + " as traders watched the BTC order books through the session.");
            p.put("published_at", at.toString());
            p.putArray("keywords").add("BTC");
            lines.append(CODEC.toJsonLine(new RecordEnvelope(1, "coinness", RecordKind.NEWS, at.plusSeconds(60), worker,
                    firstSeq + i, "http://127.0.0.1/news", p))).append('\n');
        }
        return write(fs, new Path(layout.rawDir("coinness", date)), new RawFileName("coinness", worker, firstSeq,
                firstSeq + titles.length - 1), lines.toString());
    }

    private static String write(FileSystem fs, Path dir, RawFileName name, String content) throws IOException {
        fs.mkdirs(dir);
        try (OutputStream out = fs.create(new Path(dir, name.toString()), false)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return name.toString();
    }
}
