package org.picu.demo.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.nodes.Entities;

/**
 * The demo's replay sites on one loopback HTTP server: every source the worker crawls, answering in the shape the
 * real site serves (the fixtures of {@code testkit/src/main/resources/sites/}) with the records of
 * {@link MarketModel}, {@link NewsModel} and {@link FearGreedModel} as of the {@link SiteClock}'s time. While the
 * history is crawled the clock stands at past instants; afterwards it is live, and every answer has what the
 * models hold up to now, so later crawls find new records.
 */
public final class DemoSites implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final DateTimeFormatter UTC_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KST_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(MarketModel.SEOUL);
    private static final DateTimeFormatter KST_TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(MarketModel.SEOUL);
    /** Items on one page of the demo wire, and its pages. */
    static final int WIRE_PAGE_SIZE = 10;
    static final int WIRE_PAGES = 2;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final SiteClock clock;
    private final MarketModel market;
    private final NewsModel news;
    private final FearGreedModel fearGreed;
    private final Map<String, AtomicLong> requests = new LinkedHashMap<>();

    private DemoSites(HttpServer server, SiteClock clock, long seed) {
        this.server = server;
        this.clock = clock;
        this.market = new MarketModel(seed);
        this.news = new NewsModel(seed);
        this.fearGreed = new FearGreedModel(seed);
    }

    /** Starts the sites on 127.0.0.1 and a free port. */
    public static DemoSites start(SiteClock clock, long seed) throws IOException {
        // The JDK's server writes an answer's headers and body separately; without TCP_NODELAY the body waits for
        // the client's delayed ACK (40 ms on Linux), which made every request of the history crawl take that long.
        // Read once, when the first server of the JVM starts (this one, in the demo).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        DemoSites sites = new DemoSites(server, clock, seed);
        server.createContext("/", sites::handle);
        server.setExecutor(sites.executor);
        server.start();
        return sites;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests answered so far, per source. */
    public synchronized Map<String, Long> requestCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        requests.forEach((source, n) -> counts.put(source, n.get()));
        return counts;
    }

    private record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        Answer with(String header, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(header, value);
            return new Answer(status, contentType, body, more);
        }

        static Answer json(Object tree) {
            try {
                return new Answer(200, "application/json; charset=utf-8", JSON.writeValueAsString(tree));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Answer html(String body) {
            return new Answer(200, "text/html; charset=utf-8", body);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            Instant now = clock.instant();
            Answer answer;
            String source;
            if (path.equals("/robots.txt")) {
                source = "robots";
                answer = new Answer(200, "text/plain", "User-agent: *\nAllow: /\n");
            } else if (path.startsWith("/v1/")) {
                source = "upbit";
                answer = upbit(path, query, now);
            } else if (path.equals("/fng/")) {
                source = "fear_greed";
                answer = fearGreed(query, now);
            } else if (path.equals("/finance/crypto")) {
                source = "perplexity";
                answer = perplexity(now);
            } else if (path.equals("/feed/v1/breaking-news")) {
                source = "coinness";
                answer = coinness(query, now);
            } else if (path.startsWith("/api/news/")) {
                source = "saveticker";
                answer = saveTicker(path, query, now);
            } else if (path.equals("/wire/latest")) {
                source = "demowire";
                answer = wire(query, now);
            } else {
                source = "other";
                answer = new Answer(404, "text/plain", "not found");
            }
            synchronized (this) {
                requests.computeIfAbsent(source, s -> new AtomicLong()).incrementAndGet();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // ---- Upbit: GET /v1/market/all, GET /v1/ticker?markets=KRW-BTC,KRW-ETH (docs.upbit.com; testkit sites/upbit)

    private Answer upbit(String path, Map<String, String> query, Instant now) {
        if (path.equals("/v1/market/all")) {
            ArrayNode list = NODES.arrayNode();
            for (MarketModel.Coin coin : MarketModel.COINS) {
                list.addObject().put("market", "KRW-" + coin.symbol()).put("korean_name", coin.koreanName())
                        .put("english_name", coin.englishName());
            }
            // the replay never runs short of Upbit's per-second request quota
            return Answer.json(list).with("Remaining-Req", "group=market; min=1800; sec=29");
        }
        if (path.equals("/v1/ticker")) {
            ArrayNode tickers = NODES.arrayNode();
            for (String name : query.getOrDefault("markets", "").split(",")) {
                MarketModel.Coin coin = MarketModel.COINS.stream()
                        .filter(c -> ("KRW-" + c.symbol()).equals(name.trim())).findFirst().orElse(null);
                if (coin != null) {
                    tickers.add(ticker(name.trim(), market.ticker(coin, now)));
                }
            }
            if (tickers.isEmpty()) {
                ObjectNode error = NODES.objectNode();
                error.putObject("error").put("name", 404).put("message", "Code not found");
                return new Answer(404, "application/json; charset=utf-8", error.toString());
            }
            return Answer.json(tickers).with("Remaining-Req", "group=ticker; min=1800; sec=29");
        }
        return new Answer(404, "text/plain", "not found");
    }

    private static ObjectNode ticker(String market, MarketModel.Ticker t) {
        Instant at = Instant.ofEpochMilli(t.timestampMs());
        BigDecimal change = t.trade().subtract(t.prevClosing());
        BigDecimal rate = t.prevClosing().signum() == 0 ? BigDecimal.ZERO
                : change.divide(t.prevClosing(), 10, java.math.RoundingMode.HALF_UP);
        ObjectNode node = NODES.objectNode();
        node.put("market", market);
        node.put("trade_date", UTC_DATE.format(at));
        node.put("trade_time", UTC_TIME.format(at));
        node.put("trade_date_kst", KST_DATE.format(at));
        node.put("trade_time_kst", KST_TIME.format(at));
        node.put("trade_timestamp", t.timestampMs());
        node.put("opening_price", t.opening());
        node.put("high_price", t.high());
        node.put("low_price", t.low());
        node.put("trade_price", t.trade());
        node.put("prev_closing_price", t.prevClosing());
        node.put("change", change.signum() > 0 ? "RISE" : change.signum() < 0 ? "FALL" : "EVEN");
        node.put("change_price", change.abs());
        node.put("change_rate", rate.abs());
        node.put("signed_change_price", change);
        node.put("signed_change_rate", rate);
        node.put("trade_volume", t.tradeVolume());
        node.put("acc_trade_price", t.accTradePrice());
        node.put("acc_trade_price_24h", t.accTradePrice24h());
        node.put("acc_trade_volume", t.accTradeVolume());
        node.put("acc_trade_volume_24h", t.accTradeVolume24h());
        node.put("highest_52_week_price", t.high().multiply(BigDecimal.valueOf(14, 1)).setScale(t.high().scale(),
                java.math.RoundingMode.HALF_UP));
        node.put("highest_52_week_date", "2026-03-14");
        node.put("lowest_52_week_price", t.low().multiply(BigDecimal.valueOf(6, 1)).setScale(t.low().scale(),
                java.math.RoundingMode.HALF_UP));
        node.put("lowest_52_week_date", "2025-12-02");
        node.put("timestamp", t.timestampMs() + 400);
        return node;
    }

    // ---- alternative.me Fear & Greed: GET /fng/?limit=N (alternative.me/crypto/fear-and-greed-index/#api)

    private Answer fearGreed(Map<String, String> query, Instant now) {
        int limit = 1;
        try {
            limit = Math.max(1, Math.min(365, Integer.parseInt(query.getOrDefault("limit", "1"))));
        } catch (NumberFormatException e) {
            // the API answers one value for a limit it cannot read
        }
        ObjectNode body = NODES.objectNode();
        body.put("name", "Fear and Greed Index");
        ArrayNode data = body.putArray("data");
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        for (int i = 0; i < limit; i++) {
            LocalDate day = today.minusDays(i);
            int value = fearGreed.value(day);
            ObjectNode point = data.addObject();
            point.put("value", Integer.toString(value));
            point.put("value_classification", FearGreedModel.classification(value));
            point.put("timestamp", Long.toString(day.atStartOfDay(ZoneOffset.UTC).toEpochSecond()));
            if (i == 0) {
                long untilUpdate = ChronoUnit.SECONDS.between(now, today.plusDays(1).atStartOfDay(ZoneOffset.UTC));
                point.put("time_until_update", Long.toString(untilUpdate));
            }
        }
        body.putObject("metadata").putNull("error");
        return Answer.json(body);
    }

    // ---- Perplexity finance page (testkit sites/perplexity/crypto.html): a summary that changes every three hours

    private Answer perplexity(Instant now) {
        Instant asOf = now.truncatedTo(ChronoUnit.HOURS)
                .minus(now.atZone(ZoneOffset.UTC).getHour() % 3, ChronoUnit.HOURS);
        StringBuilder rows = new StringBuilder();
        StringBuilder summary = new StringBuilder();
        for (MarketModel.Coin coin : MarketModel.COINS.subList(0, 6)) {
            MarketModel.Ticker t = market.ticker(coin, asOf);
            double change = t.trade().subtract(t.prevClosing()).doubleValue() / t.prevClosing().doubleValue() * 100;
            String pct = String.format(Locale.ROOT, "%+.2f%%", change);
            rows.append("      <div class=\"row\"><span>").append(coin.symbol()).append("</span> <span>₩")
                    .append(String.format(Locale.ROOT, "%,d", t.trade().longValue())).append("</span> <span>")
                    .append(pct).append("</span></div>\n");
            if (summary.length() < 400) {
                summary.append("      <p>")
                        .append(coin.englishName())
                        .append(change >= 1 ? " climbed " : change <= -1 ? " fell " : " traded flat, moving ")
                        .append(String.format(Locale.ROOT, "%.2f", Math.abs(change)))
                        .append("% since the Seoul open")
                        .append(
                                change >= 1
                                        ? " on strong buying."
                                        : change <= -1 ? " as selling pressure grew." : " in a narrow range.")
                        .append("</p>\n");
            }
        }
        String html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Crypto Markets | Perplexity Finance</title>
              <meta name="keywords" content="Crypto, Bitcoin, Ethereum, Markets">
              <script>self.__next_f=self.__next_f||[];self.__next_f.push([0,"hydrate"])</script>
            </head>
            <body>
              <header><a href="/">perplexity</a><button>Sign in</button></header>
              <nav aria-label="Finance"><a href="/finance">Markets</a><a href="/finance/crypto">Crypto</a></nav>
              <main>
                <h1>Crypto Market Summary, %s UTC</h1>
                <section class="summary">
            %s    </section>
                <section class="table">
            %s    </section>
              </main>
              <footer><p>Not financial advice.</p></footer>
            </body>
            </html>
            """.formatted(asOf.toString().substring(0, 16).replace('T', ' '), summary, rows);
        return Answer.html(html);
    }

    // ---- Coinness breaking-news feed: GET /feed/v1/breaking-news?languageCode=ko&limit=N[&lastId=&lastAt=], a bare
    // array newest first (testkit sites/coinness, whose README names where the shape comes from)

    private static final DateTimeFormatter KST_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(MarketModel.SEOUL);

    private Answer coinness(Map<String, String> query, Instant now) {
        int limit = intParam(query, "limit", 20, 1, 100);
        long lastId = query.containsKey("lastId") ? intParam(query, "lastId", Integer.MAX_VALUE, 0, Integer.MAX_VALUE)
                : Long.MAX_VALUE;
        ArrayNode feed = NODES.arrayNode();
        for (NewsModel.Item item : news.latest(NewsModel.Feed.COINNESS, now, limit * 4)) {
            if (item.id() >= lastId || feed.size() >= limit) {
                continue;
            }
            boolean positive = item.tone() == NewsModel.Tone.POSITIVE;
            boolean negative = item.tone() == NewsModel.Tone.NEGATIVE;
            int bull = (positive ? 8 : 1) + (int) (item.id() % 5);
            int bear = (negative ? 8 : 1) + (int) (item.id() % 3);
            ObjectNode node = feed.addObject();
            node.put("id", item.id());
            node.put("categoryId", 1);
            node.put("title", item.title());
            node.put("content", item.content());
            node.putNull("thumbnailImage");
            node.putNull("contentImage");
            node.put("quickOrderCode", item.coin().symbol());
            node.putNull("link");
            node.putNull("linkTitle");
            node.put("bull", bull);
            node.put("bear", bear);
            node.put("bullCount", bull);
            node.put("bearCount", bear);
            node.put("quoteCount", 0);
            node.putNull("isBull");
            node.put("isImportant", item.id() % 7 == 0);
            node.put("isObserve", false);
            node.put("publishAt", KST_OFFSET.format(item.publishedAt()));
            node.put("commentCount", (int) (item.id() % 4));
            node.put("isTranslated", false);
            node.putArray("originCodes").add(item.coin().symbol());
        }
        return Answer.json(feed);
    }

    // ---- SaveTicker news API: /api/news/top-stories, /api/news/list?page=&page_size=, /api/news/detail/{id}
    // (testkit sites/saveticker, whose README names where the shape comes from)

    private static final String[] OUTLETS = {"로이터", "연합", "블룸버그", "코인데스크", "파이낸셜 주스"};
    private static final int SAVETICKER_PREVIEW = 60;

    private Answer saveTicker(String path, Map<String, String> query, Instant now) {
        List<NewsModel.Item> recent = news.latest(NewsModel.Feed.SAVETICKER, now, 100);
        if (path.equals("/api/news/top-stories")) {
            ObjectNode body = NODES.objectNode();
            ArrayNode list = body.putArray("news_list");
            recent.stream().filter(i -> i.tone() != NewsModel.Tone.NEUTRAL).limit(5)
                    .forEach(i -> saveTickerEntry(list.addObject(), i, true));
            return Answer.json(body);
        }
        if (path.equals("/api/news/list")) {
            int page = intParam(query, "page", 1, 1, 1000);
            int size = intParam(query, "page_size", 20, 1, 100);
            ObjectNode body = NODES.objectNode();
            ArrayNode list = body.putArray("news_list");
            recent.stream()
                    .skip((long) (page - 1) * size)
                    .limit(size)
                    .forEach(i -> saveTickerEntry(list.addObject(), i, true));
            return Answer.json(body);
        }
        if (path.startsWith("/api/news/detail/")) {
            String id = path.substring("/api/news/detail/".length());
            for (NewsModel.Item item : recent) {
                if (Long.toString(item.id()).equals(id)) {
                    ObjectNode body = NODES.objectNode();
                    saveTickerEntry(body.putObject("news"), item, false);
                    return Answer.json(body);
                }
            }
            return new Answer(404, "application/json; charset=utf-8", "{\"detail\":\"Not Found\"}");
        }
        return new Answer(404, "application/json; charset=utf-8", "{\"detail\":\"Not Found\"}");
    }

    private void saveTickerEntry(ObjectNode node, NewsModel.Item item, boolean preview) {
        node.put("id", Long.toString(item.id()));
        node.put("title", item.title());
        if (preview) {
            String text = item.content();
            node.put(
                    "content",
                    text.length() > SAVETICKER_PREVIEW ? text.substring(0, SAVETICKER_PREVIEW) + "..." : text);
        } else {
            ArrayNode blocks = node.putArray("content");
            for (String sentence : item.content().split("(?<=\\.) ")) {
                blocks.addObject().put("type", "text").put("content", sentence);
            }
        }
        node.put("source", OUTLETS[(int) (item.id() % OUTLETS.length)]);
        node.put("created_at", KST_OFFSET.format(item.publishedAt()));
        ArrayNode tags = node.putArray("tag_names");
        item.tags().forEach(tags::add);
        node.put("is_deleted", false);
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max) {
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(query.getOrDefault(name, Integer.toString(fallback)))));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    // ---- demowire: the demo's own English news page, read by a declarative (CSS selector) source

    private Answer wire(Map<String, String> query, Instant now) {
        int page;
        try {
            page = Math.max(1, Integer.parseInt(query.getOrDefault("page", "1")));
        } catch (NumberFormatException e) {
            page = 1;
        }
        List<NewsModel.Item> items = news.latest(NewsModel.Feed.DEMOWIRE, now, WIRE_PAGE_SIZE * WIRE_PAGES);
        StringBuilder html = new StringBuilder("""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Demo Wire - latest</title></head>
            <body>
            <main class="wire">
            """);
        for (NewsModel.Item item : items.subList(Math.min(items.size(), (page - 1) * WIRE_PAGE_SIZE),
                Math.min(items.size(), page * WIRE_PAGE_SIZE))) {
            html.append("  <article class=\"story\">\n    <h2><a href=\"/wire/story/")
                    .append(item.id())
                    .append("\">")
                    .append(Entities.escape(item.title()))
                    .append("</a></h2>\n    <time datetime=\"")
                    .append(item.publishedAt())
                    .append("\">")
                    .append(item.publishedAt().toString().substring(0, 16).replace('T', ' '))
                    .append("</time>\n")
                    .append("    <p class=\"summary\">")
                    .append(Entities.escape(item.content()))
                    .append("</p>\n  </article>\n");
        }
        if (page < WIRE_PAGES) {
            html.append("  <a class=\"next\" href=\"/wire/latest?page=").append(page + 1).append("\">Older</a>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return Answer.html(html.toString());
    }

    /** The news model, for sites added next to these. */
    NewsModel news() {
        return news;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(key, value);
            }
        }
        return params;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
