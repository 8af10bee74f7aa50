package org.picu.proof;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Upbit quotation API, live: every ticker answer carries fresh tickers whose trade timestamps are later than
 * any served before for their symbol, so each served ticker is a new natural key (symbol, timestamp). Every tenth
 * answer also carries one malformed ticker (market {@code KRW-BAD-<n>}: the spider keeps it, since it is a KRW
 * market; the cleaning job must reject it as {@code bad_symbol}).
 *
 * <p>Tickers have every field of the real {@code /v1/ticker} answer, with the real types, and prices, changes and
 * volumes written with eight decimals ({@code 162876000.00000000}) as Upbit writes them (its docs' ticker
 * example), so the proof runs the exact-decimal path of the parser.
 */
final class LiveUpbit implements LiveSite.Source {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final int MALFORMED_EVERY = 10;

    private final List<String> symbols;
    private final Map<String, Long> lastTradeMillis = new HashMap<>();
    private long tickerAnswers;
    private long malformed;

    LiveUpbit(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    @Override
    public String name() {
        return "upbit";
    }

    @Override
    public String prefix() {
        return "/v1/";
    }

    @Override
    public LiveSite.Answer answer(String path) {
        return switch (path) {
            case "/v1/market/all" -> new LiveSite.Answer(200, "application/json", marketList(), true, List.of());
            case "/v1/ticker" -> tickers();
            default -> LiveSite.Answer.notFound();
        };
    }

    private LiveSite.Answer tickers() {
        List<LiveSite.Item> items = new ArrayList<>();
        ArrayNode answer = NODES.arrayNode();
        long now = System.currentTimeMillis();
        for (String symbol : symbols) {
            long trade = Math.max(now, lastTradeMillis.getOrDefault(symbol, 0L) + 1);
            lastTradeMillis.put(symbol, trade);
            answer.add(ticker("KRW-" + symbol, trade));
            items.add(new LiveSite.Item(NaturalKeys.market(symbol, trade), true));
        }
        if (++tickerAnswers % MALFORMED_EVERY == 0) {
            String symbol = "BAD-" + (++malformed);
            answer.add(ticker("KRW-" + symbol, now));
            items.add(new LiveSite.Item(NaturalKeys.market(symbol, now), false));
        }
        return new LiveSite.Answer(200, "application/json", json(answer), false, items);
    }

    private String marketList() {
        ArrayNode list = NODES.arrayNode();
        for (String symbol : symbols) {
            list.addObject().put("market", "KRW-" + symbol).put("korean_name", symbol).put("english_name", symbol);
        }
        return json(list);
    }

    private static ObjectNode ticker(String market, long tradeMillis) {
        // a price that moves with time, so that candles and charts look alive; exact decimals as Upbit sends
        long step = (tradeMillis / 1000) % 600;
        BigDecimal price = BigDecimal.valueOf(1_000_000 + Math.abs(market.hashCode() % 9_000_000) + step * 100L);
        BigDecimal prevClose = price.subtract(BigDecimal.valueOf(5_000));
        BigDecimal change = price.subtract(prevClose);
        BigDecimal rate = change.divide(prevClose, 10, java.math.RoundingMode.HALF_UP);
        java.time.ZonedDateTime utc = java.time.Instant.ofEpochMilli(tradeMillis).atZone(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime kst = utc.withZoneSameInstant(java.time.ZoneId.of("Asia/Seoul"));
        ObjectNode t = NODES.objectNode();
        t.put("market", market);
        t.put("trade_date", utc.format(DATE));
        t.put("trade_time", utc.format(TIME));
        t.put("trade_date_kst", kst.format(DATE));
        t.put("trade_time_kst", kst.format(TIME));
        t.put("trade_timestamp", tradeMillis);
        t.put("opening_price", eight(prevClose));
        t.put("high_price", eight(price.add(BigDecimal.valueOf(10_000))));
        t.put("low_price", eight(price.subtract(BigDecimal.valueOf(10_000))));
        t.put("trade_price", eight(price));
        t.put("prev_closing_price", eight(prevClose));
        t.put("change", "RISE");
        t.put("change_price", eight(change));
        t.put("change_rate", rate);
        t.put("signed_change_price", eight(change));
        t.put("signed_change_rate", rate);
        t.put("trade_volume", eight(new BigDecimal("0.015")));
        t.put("acc_trade_price", eight(new BigDecimal("1234567890.5")));
        t.put("acc_trade_price_24h", eight(new BigDecimal("2345678901")));
        t.put("acc_trade_volume", eight(BigDecimal.valueOf(100 + step)));
        t.put("acc_trade_volume_24h", eight(BigDecimal.valueOf(2_000 + step)));
        t.put("highest_52_week_price", eight(price.add(BigDecimal.valueOf(500_000))));
        t.put("highest_52_week_date", kst.minusDays(200).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        t.put("lowest_52_week_price", eight(price.subtract(BigDecimal.valueOf(500_000))));
        t.put("lowest_52_week_date", kst.minusDays(300).format(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE));
        t.put("timestamp", tradeMillis);
        return t;
    }

    private static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final java.time.format.DateTimeFormatter TIME =
            java.time.format.DateTimeFormatter.ofPattern("HHmmss");

    private static BigDecimal eight(BigDecimal n) {
        return n.setScale(8, java.math.RoundingMode.UNNECESSARY);
    }

    static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
