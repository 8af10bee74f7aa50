package org.picu.worker.spider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.picu.worker.config.DeclarativeSourceConfig;
import org.picu.worker.config.WorkerConfigLoader;

/**
 * Parse throughput of every source's parser over its normal fixture page, single-threaded, to show that
 * parsing is negligible next to the politeness delays on a Pi. Not a test: run it by hand (command in
 * docs/bench/sources.md) with {@code -Xmx64m}, the worker's heap on a Pi.
 */
public final class SourceParseBench {
    private SourceParseBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        DeclarativeSourceConfig board = WorkerConfigLoader.load(Path.of(SourceParseBench.class
                .getResource("/fixtures/declarative/worker.yml").toURI())).sources().declarative().get(0);
        byte[] coinnessFeed = Fixtures.bytes("coinness", "feed_normal.json");
        URI coinnessUrl = URI.create("https://api.coinness.com/feed/v1/breaking-news?languageCode=ko&limit=20");
        byte[] saveTickerList = Fixtures.bytes("saveticker", "list_page1.json");
        URI saveTickerListUrl =
                URI.create("https://api.saveticker.com/api/news/list?page=1&page_size=20&sort=created_at_desc");
        byte[] saveTickerDetail = Fixtures.bytes("saveticker", "detail_161415.json");
        URI saveTickerDetailUrl = URI.create("https://api.saveticker.com/api/news/detail/161415");
        SaveTickerParser.Entry saveTickerEntry = SaveTickerParser.list(saveTickerList, saveTickerListUrl)
                .entries()
                .get(0);
        String perplexity = Fixtures.text("perplexity", "page_normal.html");
        String fngPage = Fixtures.text("fear_greed", "page_normal.html");
        byte[] fngApi = Fixtures.bytes("fear_greed", "api_normal.json");
        String boardPage = Fixtures.text("declarative", "board_page1.html");
        List<DeclarativeSourceConfig> declared = WorkerConfigLoader.load(Path.of(SourceParseBench.class
                .getResource("/fixtures/declarative/worker.yml").toURI())).sources().declarative();
        DeclarativeSourceConfig cryptoCompare = declared.stream().filter(d -> d.name().equals("cryptocompare"))
                .findFirst().orElseThrow();
        DeclarativeSourceConfig coinDesk = declared.stream().filter(d -> d.name().equals("coindesk"))
                .findFirst().orElseThrow();
        byte[] ccFeed = Fixtures.bytes("declarative", "cryptocompare_news.json");
        byte[] cdFeed = Fixtures.bytes("declarative", "coindesk_articles.json");
        byte[] upbitMajors = Fixtures.bytes("upbit", "ticker_majors.json");
        byte[] upbitEight = Fixtures.bytes("upbit", "ticker_eight_decimals.json");
        String challenge = Fixtures.text("perplexity", "page_challenge.html");
        com.fasterxml.jackson.databind.ObjectMapper upbitJson = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(UpbitTickerParser.EXACT);
        List<Case> cases = List.of(
                new Case("fear_greed api", fngApi.length, () -> FearGreedParser.fromApi(fngApi)),
                new Case(
                        "fear_greed html",
                        fngPage.length(),
                        () -> FearGreedParser.fromHtml(fngPage, Fixtures.CRAWLED_AT)),
                new Case("coinness feed", coinnessFeed.length, () -> CoinnessParser.page(coinnessFeed, coinnessUrl)),
                new Case(
                        "saveticker list",
                        saveTickerList.length,
                        () -> SaveTickerParser.list(saveTickerList, saveTickerListUrl)),
                new Case(
                        "saveticker detail",
                        saveTickerDetail.length,
                        () -> SaveTickerParser.withDetail(saveTickerEntry, saveTickerDetail, saveTickerDetailUrl)
                                .toPayload()),
                new Case(
                        "perplexity page",
                        perplexity.length(),
                        () -> PerplexityParser.snapshot(
                                        perplexity, URI.create("https://www.perplexity.ai/finance/crypto"), 15_000)
                                .toPayload()),
                new Case(
                        "declarative board",
                        boardPage.length(),
                        () -> DeclarativeParser.page(
                                boardPage,
                                URI.create("https://coinboard.example/board/list?page=1"),
                                Fixtures.CRAWLED_AT,
                                board)),
                new Case("upbit 4 tickers", upbitMajors.length, () -> {
                    for (com.fasterxml.jackson.databind.JsonNode t : upbitJson.readTree(upbitMajors)) {
                        UpbitTickerParser.toPayload(t, "KRW");
                    }
                }),
                new Case("upbit 8-decimal x2", upbitEight.length, () -> {
                    for (com.fasterxml.jackson.databind.JsonNode t : upbitJson.readTree(upbitEight)) {
                        UpbitTickerParser.toPayload(t, "KRW");
                    }
                }),
                new Case("perplexity challenge", challenge.length(), () -> {
                    try {
                        PerplexityParser.snapshot(
                                challenge, URI.create("https://www.perplexity.ai/finance/crypto"), 15_000);
                        throw new IllegalStateException("a challenge page must not make a snapshot");
                    } catch (org.picu.model.MalformedRecordException expected) {
                        // no_content, as in the fixture test
                    }
                }),
                new Case(
                        "json feed cryptocompare",
                        ccFeed.length,
                        () -> DeclarativeParser.feed(
                                ccFeed, cryptoCompare.startUrl(), Fixtures.CRAWLED_AT, cryptoCompare)),
                new Case(
                        "json feed coindesk",
                        cdFeed.length,
                        () -> DeclarativeParser.feed(cdFeed, coinDesk.startUrl(), Fixtures.CRAWLED_AT, coinDesk)));
        System.out.printf("%-24s %8s %10s %10s%n", "parser", "bytes", "pages/s", "us/page");
        for (Case c : cases) {
            for (int i = 0; i < rounds / 4; i++) {
                c.work().run();
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                c.work().run();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            double perPage = took.toNanos() / 1000.0 / rounds;
            System.out.printf("%-24s %8d %10.0f %10.1f%n", c.name(), c.bytes(), 1_000_000 / perPage, perPage);
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap max %d MiB, used after run %d MiB%n", rt.maxMemory() >> 20,
                (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private record Case(String name, int bytes, Work work) {
    }
}
