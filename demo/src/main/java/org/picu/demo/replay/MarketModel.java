package org.picu.demo.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The demo's market: a deterministic price and volume for each symbol at any instant, so that the history the
 * worker crawls and the live answers after it are one continuous series. The price is a base price moved by three
 * slow waves (5 days, 19 hours, 3.7 hours; each symbol at another phase, so that at any moment some symbols rise
 * steeply and some fall) and a little noise per minute; the traded volume follows a daily wave with an occasional
 * hour of three to five times the usual trading. Upbit's daily figures (open, high, low, accumulated volume) start
 * at midnight in Seoul, as Upbit's do.
 */
public final class MarketModel {
    /** A listed coin: symbol, Korean and English name, base price in KRW, usual units traded per day. */
    public record Coin(String symbol, String koreanName, String englishName, double basePrice, double dailyVolume) {
    }

    /** The ten coins of the demo, the symbols of {@code worker-example.yml}. */
    public static final List<Coin> COINS = List.of(
            new Coin("BTC", "비트코인", "Bitcoin", 131_000_000, 2_400),
            new Coin("ETH", "이더리움", "Ethereum", 4_500_000, 38_000),
            new Coin("XRP", "엑스알피(리플)", "XRP", 3_300, 160_000_000),
            new Coin("ADA", "에이다", "Cardano", 1_100, 90_000_000),
            new Coin("DOGE", "도지코인", "Dogecoin", 450, 700_000_000),
            new Coin("SOL", "솔라나", "Solana", 330_000, 900_000),
            new Coin("DOT", "폴카닷", "Polkadot", 9_000, 4_000_000),
            new Coin("MATIC", "폴리곤", "Polygon", 600, 30_000_000),
            new Coin("AVAX", "아발란체", "Avalanche", 50_000, 1_500_000),
            new Coin("LINK", "체인링크", "Chainlink", 30_000, 2_000_000));

    /** Upbit's trading day starts at 00:00 in Seoul. */
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final double DAY_MS = 86_400_000d;
    private static final double HOUR_MS = 3_600_000d;

    private final long seed;

    public MarketModel(long seed) {
        this.seed = seed;
    }

    /** The last trade price of the coin at {@code at}, rounded as Upbit quotes KRW prices. */
    public BigDecimal price(Coin coin, Instant at) {
        return quote(rawPrice(coin, at.toEpochMilli()));
    }

    private double rawPrice(Coin coin, long ms) {
        int k = COINS.indexOf(coin);
        double phase = 2 * Math.PI * k / COINS.size();
        double t = ms;
        double wave = 0.06 * Math.sin(2 * Math.PI * t / (5 * DAY_MS) + phase * 1.7)
                + 0.03 * Math.sin(2 * Math.PI * t / (19 * HOUR_MS) + phase)
                + 0.008 * Math.sin(2 * Math.PI * t / (3.7 * HOUR_MS) + phase * 2.3);
        double noise = (Seeded.unit(seed, coin.symbol() + ":price", ms / 60_000) - 0.5) * 0.003;
        return coin.basePrice() * Math.exp(wave + noise);
    }

    /** Units traded in the hour that starts at {@code hourStartMs}. */
    private double hourVolume(Coin coin, long hourIndex) {
        double daily = 1 + 0.4 * Math.sin(2 * Math.PI * (hourIndex % 24) / 24.0 + COINS.indexOf(coin));
        double spike = Seeded.below(seed, coin.symbol() + ":spike", hourIndex, 23) == 0
                ? 3 + 2 * Seeded.unit(seed, coin.symbol() + ":spike-size", hourIndex) : 1;
        double noise = 0.8 + 0.4 * Seeded.unit(seed, coin.symbol() + ":volume", hourIndex);
        return coin.dailyVolume() / 24 * daily * spike * noise;
    }

    /** Units traded from {@code fromMs} to {@code toMs}, hour by hour (the last hour pro rata). */
    private double volumeBetween(Coin coin, long fromMs, long toMs) {
        double total = 0;
        for (long hour = Math.floorDiv(fromMs, (long) HOUR_MS); hour * (long) HOUR_MS < toMs; hour++) {
            long start = Math.max(fromMs, hour * (long) HOUR_MS);
            long end = Math.min(toMs, (hour + 1) * (long) HOUR_MS);
            total += hourVolume(coin, hour) * (end - start) / HOUR_MS;
        }
        return total;
    }

    /** A ticker of the coin at {@code at}: every figure Upbit's {@code /v1/ticker} answers with. */
    public Ticker ticker(Coin coin, Instant at) {
        long ms = at.toEpochMilli();
        LocalDate seoulDay = at.atZone(SEOUL).toLocalDate();
        long dayStart = seoulDay.atStartOfDay(SEOUL).toInstant().toEpochMilli();
        double open = rawPrice(coin, dayStart);
        double high = open;
        double low = open;
        for (long m = dayStart; m <= ms; m += 600_000) {
            double p = rawPrice(coin, m);
            high = Math.max(high, p);
            low = Math.min(low, p);
        }
        double last = rawPrice(coin, ms);
        high = Math.max(high, last);
        low = Math.min(low, last);
        double prevClose = rawPrice(coin, dayStart - 1);
        double accVolume = volumeBetween(coin, dayStart, ms);
        double accVolume24h = volumeBetween(coin, ms - (long) DAY_MS, ms);
        double tradeVolume =
                coin.dailyVolume() / 50_000 * (0.2 + Seeded.unit(seed, coin.symbol() + ":trade", ms / 1000));
        return new Ticker(coin, ms, quote(open), quote(high), quote(low), quote(last), quote(prevClose),
                units(tradeVolume), krw(accVolume * last), krw(accVolume24h * last), units(accVolume),
                units(accVolume24h));
    }

    /** One ticker; prices in KRW, volumes in units of the coin. */
    public record Ticker(Coin coin, long timestampMs, BigDecimal opening, BigDecimal high, BigDecimal low,
            BigDecimal trade, BigDecimal prevClosing, BigDecimal tradeVolume, BigDecimal accTradePrice,
            BigDecimal accTradePrice24h, BigDecimal accTradeVolume, BigDecimal accTradeVolume24h) {
    }

    /** Upbit's KRW price units: whole won from 1,000 up, finer below (0.1 under 1,000, 0.01 under 100). */
    static BigDecimal quote(double price) {
        int scale = price >= 1_000 ? 0 : price >= 100 ? 1 : price >= 1 ? 2 : 4;
        BigDecimal exact = BigDecimal.valueOf(price).setScale(scale, RoundingMode.HALF_UP);
        if (price >= 1_000_000) {
            return exact.divide(BigDecimal.valueOf(1_000), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(1_000));
        }
        return exact;
    }

    private static BigDecimal units(double v) {
        return BigDecimal.valueOf(v).setScale(8, RoundingMode.HALF_UP);
    }

    private static BigDecimal krw(double v) {
        return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP);
    }
}
