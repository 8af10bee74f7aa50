package org.picu.demo.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Upbit quotation API that answers every ticker request with fresh observations instead of a
 * recording: each ticker gets a trade timestamp later than any served before for its symbol, so every served
 * ticker is a new natural key {@code (upbit, symbol, timestamp)}. Every tenth ticker answer also carries one
 * malformed ticker (market {@code KRW-BAD-<n>}: the spider keeps it, the cleaning job must reject it as a bad
 * symbol).
 *
 * <p>Everything served is appended to the served log, one tab-separated line per fact, flushed after each answer:
 * {@code R <served-ms> <worker>} for a market list (the start of a crawl run) and
 * {@code T <served-ms> <worker> <symbol> <trade-ms> ok|bad} for each ticker. The worker is read from the
 * user agent ({@code ... worker <id>)}), which the proof sets per worker.
 */
public final class LiveUpbitSite implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final Pattern WORKER = Pattern.compile("worker ([a-z0-9_-]+)");
    private static final int MALFORMED_EVERY = 10;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> symbols;
    private final BufferedWriter servedLog;
    private final Map<String, Long> lastTradeMillis = new HashMap<>();
    private volatile BiConsumer<String, Long> onTickersServed = (worker, at) -> { };
    private long tickerAnswers;
    private long malformed;

    private LiveUpbitSite(HttpServer server, List<String> symbols, BufferedWriter servedLog) {
        this.server = server;
        this.symbols = List.copyOf(symbols);
        this.servedLog = servedLog;
    }

    /** Starts the site on 127.0.0.1 and a free port. */
    public static LiveUpbitSite start(List<String> symbols, Path servedLog) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        LiveUpbitSite site = new LiveUpbitSite(server, symbols, Files.newBufferedWriter(servedLog, StandardCharsets.UTF_8));
        server.createContext("/", site::handle);
        server.setExecutor(site.executor);
        server.start();
        return site;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Called after each ticker answer has been sent, with the worker and the time it was served. */
    public void onTickersServed(BiConsumer<String, Long> listener) {
        this.onTickersServed = listener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String worker = worker(exchange.getRequestHeaders().getFirst("User-Agent"));
            switch (path) {
                case "/v1/market/all" -> {
                    send(exchange, 200, marketList());
                    log("R\t" + System.currentTimeMillis() + "\t" + worker);
                }
                case "/v1/ticker" -> tickers(exchange, worker);
                default -> send(exchange, 404, "{\"error\":{\"name\":\"not_found\"}}");
            }
        }
    }

    private void tickers(HttpExchange exchange, String worker) throws IOException {
        List<String> lines = new ArrayList<>();
        ArrayNode answer = NODES.arrayNode();
        synchronized (this) {
            long now = System.currentTimeMillis();
            for (String symbol : symbols) {
                long trade = Math.max(now, lastTradeMillis.getOrDefault(symbol, 0L) + 1);
                lastTradeMillis.put(symbol, trade);
                answer.add(ticker("KRW-" + symbol, trade));
                lines.add(symbol + "\t" + trade + "\tok");
            }
            if (++tickerAnswers % MALFORMED_EVERY == 0) {
                String symbol = "BAD-" + (++malformed);
                answer.add(ticker("KRW-" + symbol, now));
                lines.add(symbol + "\t" + now + "\tbad");
            }
        }
        send(exchange, 200, JSON.writeValueAsString(answer));
        long served = System.currentTimeMillis();
        StringBuilder log = new StringBuilder();
        for (String line : lines) {
            log.append("T\t").append(served).append('\t').append(worker).append('\t').append(line).append('\n');
        }
        log(log.substring(0, log.length() - 1));
        onTickersServed.accept(worker, served);
    }

    private String marketList() throws IOException {
        ArrayNode list = NODES.arrayNode();
        for (String symbol : symbols) {
            list.addObject().put("market", "KRW-" + symbol).put("korean_name", symbol).put("english_name", symbol);
        }
        return JSON.writeValueAsString(list);
    }

    private static ObjectNode ticker(String market, long tradeMillis) {
        // a price that moves with time, so that candles and charts look alive; exact decimals as Upbit sends
        long step = (tradeMillis / 1000) % 600;
        BigDecimal price = BigDecimal.valueOf(1_000_000 + Math.abs(market.hashCode() % 9_000_000) + step * 100L);
        ObjectNode t = NODES.objectNode();
        t.put("market", market);
        t.put("trade_timestamp", tradeMillis);
        t.put("timestamp", tradeMillis);
        t.put("opening_price", price.subtract(BigDecimal.valueOf(5_000)));
        t.put("high_price", price.add(BigDecimal.valueOf(10_000)));
        t.put("low_price", price.subtract(BigDecimal.valueOf(10_000)));
        t.put("trade_price", price);
        t.put("prev_closing_price", price.subtract(BigDecimal.valueOf(5_000)));
        t.put("change", "RISE");
        t.put("trade_volume", new BigDecimal("0.015"));
        t.put("acc_trade_price", new BigDecimal("1234567890.5"));
        t.put("acc_trade_price_24h", new BigDecimal("2345678901"));
        t.put("acc_trade_volume", BigDecimal.valueOf(100 + step));
        t.put("acc_trade_volume_24h", BigDecimal.valueOf(2_000 + step));
        return t;
    }

    private static String worker(String userAgent) {
        Matcher m = userAgent == null ? null : WORKER.matcher(userAgent);
        return m != null && m.find() ? m.group(1) : "unknown";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized void log(String line) {
        try {
            servedLog.write(line);
            servedLog.write('\n');
            servedLog.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        synchronized (this) {
            servedLog.close();
        }
    }
}
