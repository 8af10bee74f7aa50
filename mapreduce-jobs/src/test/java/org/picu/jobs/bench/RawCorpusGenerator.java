package org.picu.jobs.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Writes N synthetic raw records of one kind into {@code raw/<source>/<day>/} as several worker files,
 * shaped like the spiders' output. A fixed share of the records repeats an earlier record's key (a
 * re-crawl by another worker a few minutes later), so the dedup has real work to do. Seeded: the same
 * N gives the same corpus.
 */
final class RawCorpusGenerator {
    static final double DUPLICATE_SHARE = 0.2;
    private static final int FILES = 8;
    private static final String[] SYMBOLS = {"BTC", "ETH", "XRP", "ADA", "DOGE", "SOL", "DOT", "MATIC", "AVAX", "LINK",
        "TRX", "ATOM", "ETC", "BCH", "NEAR", "APT", "ARB", "OP", "SUI", "SEI"};
    private static final String[] WORDS = {"비트코인", "이더리움", "ETF", "승인", "급등", "하락", "연준", "금리", "Bitcoin",
        "rally", "SEC", "approval", "market", "whale", "liquidation", "거래소", "상장", "규제", "Solana", "upgrade"};
    private static final Instant DAY_START = Instant.parse("2026-11-21T00:00:00Z");

    private RawCorpusGenerator() {
    }

    /** @return bytes written */
    static long market(Path dir, int n) throws IOException {
        return write(dir, "upbit", n, (i, key, w, seq, crawl, r) -> {
            String symbol = SYMBOLS[(int) (key % SYMBOLS.length)];
            Instant ts = DAY_START.plusSeconds(key / SYMBOLS.length);
            double price = 1000 + (key % 100_000) * 1.5;
            return "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"" + crawl
                    + "\",\"worker_id\":\"" + w + "\",\"seq\":" + seq
                    + ",\"url\":\"https://api.upbit.com/v1/ticker?markets=KRW-" + symbol
                    + "\",\"payload\":{\"symbol\":\""
                    + symbol + "\",\"market\":\"KRW-" + symbol + "\",\"quote_currency\":\"KRW\",\"price\":" + price
                    + ",\"prev_closing_price\":" + (price * 0.98) + ",\"volume_24h\":" + (key % 5000) + ".25"
                    + ",\"acc_trade_price_24h\":" + (key % 9_000_000 + 1) + "123.5,\"day_volume\":" + (key % 777)
                    + ".5,\"timestamp\":\"" + ts + "\"}}";
        });
    }

    static long news(Path dir, int n) throws IOException {
        return write(dir, "coinness", n, (i, key, w, seq, crawl, r) -> {
            StringBuilder title = new StringBuilder();
            StringBuilder content = new StringBuilder();
            SplittableRandom words = new SplittableRandom(key);
            for (int k = 0; k < 6; k++) {
                title.append(WORDS[words.nextInt(WORDS.length)]).append(' ');
            }
            for (int k = 0; k < 40; k++) {
                content.append(WORDS[words.nextInt(WORDS.length)]).append(k % 9 == 8 ? ". " : " ");
            }
            return "{\"schema_version\":1,\"source\":\"coinness\",\"kind\":\"news\",\"crawled_at\":\"" + crawl
                    + "\",\"worker_id\":\"" + w + "\",\"seq\":" + seq
                    + ",\"url\":\"https://www.coinness.com/news\",\"payload\":{\"title\":\"" + title + key
                    + "\",\"url\":\"https://www.coinness.com/news/" + key + "\",\"content\":\"" + content
                    + "\",\"published_at\":\"" + DAY_START.plusSeconds(key % 86_000)
                    + "\",\"keywords\":[\"BTC\",\"ETF\",\"비트코인\"]}}";
        });
    }

    @FunctionalInterface
    private interface Line {
        String make(int i, long key, String worker, long seq, Instant crawl, SplittableRandom random);
    }

    private static long write(Path dir, String source, int n, Line line) throws IOException {
        Files.createDirectories(dir);
        SplittableRandom random = new SplittableRandom(42);
        int perFile = (n + FILES - 1) / FILES;
        long bytes = 0;
        int written = 0;
        for (int f = 0; f < FILES && written < n; f++) {
            String worker = "w" + f;
            int count = Math.min(perFile, n - written);
            Path file = dir.resolve(String.format("%s.%s.%012d-%012d.jsonl", source, worker, 1, count));
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int s = 1; s <= count; s++, written++) {
                    // A duplicate repeats the key of an earlier record, crawled later by this worker.
                    boolean duplicate = written > 0 && random.nextDouble() < DUPLICATE_SHARE;
                    long key = duplicate ? random.nextInt(written) : written;
                    Instant crawl = DAY_START.plusSeconds(written / 10 + (duplicate ? 300 : 0));
                    out.write(line.make(written, key, worker, s, crawl, random));
                    out.write('\n');
                }
            }
            bytes += Files.size(file);
        }
        return bytes;
    }
}
