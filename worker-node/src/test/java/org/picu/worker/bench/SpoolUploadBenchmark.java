package org.picu.worker.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordKind;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;
import org.picu.worker.upload.HdfsUploader;
import org.picu.worker.upload.UploadReport;

/**
 * Records per second through the spool (append, group-commit fsync, roll) and through the uploader (to
 * Hadoop's local file system standing in for HDFS), with market-tick-sized records. Run by
 * {@code bench/worker-pi-budget.sh}; usage: {@code SpoolUploadBenchmark <records> <work-dir>}.
 */
public final class SpoolUploadBenchmark {
    private SpoolUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]).toAbsolutePath();
        delete(work);
        Path spool = Files.createDirectories(work.resolve("spool"));
        Path raw = Files.createDirectories(work.resolve("hdfs"));
        Instant at = Instant.parse("2026-11-21T03:04:05.123Z");

        long start = System.nanoTime();
        long bytes;
        try (SpoolWriter writer = SpoolWriter.open(spool, "upbit", "w1", 16L << 20, Duration.ofHours(1),
                Clock.systemUTC())) {
            for (int i = 0; i < records; i++) {
                writer.append(RecordKind.MARKET_TICK, at, "https://api.upbit.com/v1/ticker?markets=KRW-BTC", tick(i));
            }
            writer.roll();
            bytes = writer.rolledFiles().stream().mapToLong(SpoolUploadBenchmark::size).sum();
        }
        double spoolSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        UploadReport report;
        try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), new Configuration())) {
            report = new HdfsUploader(fs, new HdfsLayout(raw.toUri().toString())).drain(new SpoolDirectory(spool));
        }
        double uploadSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("spool:  %d records, %.1f MB in %.2f s = %.0f records/s (%.1f MB/s)%n", records, bytes / 1e6,
                spoolSeconds, records / spoolSeconds, bytes / 1e6 / spoolSeconds);
        System.out.printf("upload: %s in %.2f s = %.0f records/s (%.1f MB/s)%n", report.summary(), uploadSeconds,
                records / uploadSeconds, bytes / 1e6 / uploadSeconds);
        System.out.printf("heap used at end: %.1f MB of max %.1f MB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6,
                Runtime.getRuntime().maxMemory() / 1e6);
    }

    private static ObjectNode tick(int i) {
        ObjectNode p = EnvelopeCodec.newPayload();
        p.put("symbol", "BTC");
        p.put("market", "KRW-BTC");
        p.put("quote_currency", "KRW");
        p.put("price", 131245000 + i % 1000);
        p.put("prev_closing_price", 130000000);
        p.put("change_24h", 0.96);
        p.put("volume_24h", 1843.12345678);
        p.put("acc_trade_price_24h", 241877012345.6789);
        p.put("day_volume", 512.5);
        p.put("timestamp", "2026-11-21T03:04:05.123Z");
        return p;
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
