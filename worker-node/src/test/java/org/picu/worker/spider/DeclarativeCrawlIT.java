package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.RecordEnvelope;
import org.picu.testkit.replay.ReplayServer;

/** Two declarative sources of different shape, defined only in the worker config, crawled into a spool. */
class DeclarativeCrawlIT {
    @TempDir
    Path dir;

    private static final String SOURCES = """
        declarative:
          - name: coinboard
            start-url: "%s/board/list?page=1"
            item: table.board-list tr.post
            title: td.subject a
            link: td.subject a
            date: td.date
            date-format: yyyy.MM.dd HH:mm
            zone: Asia/Seoul
            body: p.summary
            next: a.next-page
            max-pages: 2
          - name: chainwire
            start-url: "%s/markets"
            item: article.card
            title: .card-title
            date: time
            date-attribute: datetime
            date-format: iso
            body: .card-text
        """;

    @Test
    void a_table_board_is_followed_to_max_pages() throws Exception {
        try (ReplayServer board = ReplayServer.start("coinboard");
                ReplayServer cards = ReplayServer.start("chainwire")) {
            ReplayCrawl.Result result =
                    ReplayCrawl.run(dir, "coinboard", SOURCES.formatted(board.baseUrl(), cards.baseUrl()));

            assertEquals("crawl coinboard: 3 records written, 2 rejected, 1 file rolled", result.summary());
            assertEquals(0, board.requestCount("/board/list?page=3"), "max-pages 2");
            assertEquals(List.of(board.baseUrl() + "/board/view?no=1024", board.baseUrl() + "/board/view?no=1023",
                    board.baseUrl() + "/board/view?no=1021"),
                    result.records().stream().map(r -> r.payload().get("item_id").asText()).toList());
            RecordEnvelope first = result.records().get(0);
            assertEquals("coinboard", first.source());
            assertEquals("2026-11-21T10:15:00+09:00", first.payload().get("published_at").asText());
            assertEquals("리플랩스가 미국 통화감독청(OCC)에 국법은행 인가를 신청했다.", first.payload().get("content").asText());
        }
    }

    @Test
    void cards_without_links_get_content_ids() throws Exception {
        try (ReplayServer board = ReplayServer.start("coinboard");
                ReplayServer cards = ReplayServer.start("chainwire")) {
            ReplayCrawl.Result result =
                    ReplayCrawl.run(dir, "chainwire", SOURCES.formatted(board.baseUrl(), cards.baseUrl()));

            assertEquals("crawl chainwire: 2 records written, 2 rejected, 1 file rolled", result.summary());
            Fixtures.assertRecords("crawl chainwire", Fixtures.expected("declarative", "cards_page").get("records"),
                    result.records().stream().map(RecordEnvelope::payload).toList());
            assertEquals(0, board.requests().size(), "only the crawled source's site is asked");
        }
    }

    private static final String FEEDS = """
        declarative:
          - name: cryptocompare
            start-url: "%s/data/v2/news/?lang=EN"
            format: json
            item: /Data
            title: /title
            body: /body
            link: /url
            date: /published_on
            date-format: epoch-seconds
          - name: coindesk
            start-url: "%s/news/v1/article/list?lang=EN&limit=10"
            format: json
            item: /Data
            title: /TITLE
            body: /BODY
            link: /URL
            date: /PUBLISHED_ON
            date-format: epoch-seconds
          - name: cc-limited
            start-url: "%s/limited/data/v2/news/"
            format: json
            item: /Data
            title: /title
            body: /body
        """;

    @Test
    void two_json_feeds_of_different_shape_are_crawled_without_java() throws Exception {
        try (ReplayServer cc = ReplayServer.start("cryptocompare"); ReplayServer cd = ReplayServer.start("coindesk")) {
            String sources = FEEDS.formatted(cc.baseUrl(), cd.baseUrl(), cc.baseUrl());

            ReplayCrawl.Result first = ReplayCrawl.run(dir, "cryptocompare", sources);
            ReplayCrawl.Result second = ReplayCrawl.run(dir, "coindesk", sources);
            ReplayCrawl.Result limited = ReplayCrawl.run(dir, "cc-limited", sources);

            assertEquals("crawl cryptocompare: 2 records written, 1 rejected, 1 file rolled", first.summary());
            assertEquals("crawl coindesk: 2 records written, 2 rejected, 1 file rolled", second.summary());
            assertEquals("crawl cc-limited: 0 records written, 1 rejected, 0 files rolled", limited.summary());
            List<RecordEnvelope> coindesk = second.records().stream()
                    .filter(r -> r.source().equals("coindesk"))
                    .toList();
            Fixtures.assertRecords(
                    "crawl coindesk",
                    Fixtures.expected("declarative", "coindesk_articles").get("records"),
                    coindesk.stream().map(RecordEnvelope::payload).toList());
            assertEquals(org.picu.model.RecordKind.NEWS, coindesk.get(0).kind());
        }
    }
}
