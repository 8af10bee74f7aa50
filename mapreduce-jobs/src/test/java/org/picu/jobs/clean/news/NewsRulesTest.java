package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class NewsRulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CRAWLED = Instant.parse("2026-11-21T12:00:00Z");
    private final NewsRules rules = new NewsRules();

    private static RecordEnvelope news(String source, String payloadJson) throws Exception {
        return new RecordEnvelope(1, source, RecordKind.NEWS, CRAWLED, "w1", 7, "https://example.com/list",
                (ObjectNode) JSON.readTree(payloadJson));
    }

    private GenericRecord clean(String payloadJson) throws Exception {
        return rules.clean(news("coinness", payloadJson));
    }

    private String rejectReason(String payloadJson) {
        return assertThrows(MalformedRecordException.class, () -> clean(payloadJson)).reason();
    }

    @Test
    void titles_are_collapsed_and_need_three_characters_the_schemas_rule_not_the_pipelines_five() throws Exception {
        assertEquals("급등 중", clean("{\"title\":\"  급등\\n\\t 중 \"}").get("title"));
        assertEquals("BTC", clean("{\"title\":\"BTC\"}").get("title"));
        assertEquals("bad_title", rejectReason("{\"title\":\" ab \"}"));
        assertEquals("missing_field", rejectReason("{\"content\":\"no title at all here\"}"));
        assertEquals("bad_field", rejectReason("{\"title\":123}"));
        assertEquals(500, clean("{\"title\":\"" + "x".repeat(600) + "\"}").get("title").toString().length());
    }

    @Test
    void content_is_plain_text_nulled_under_ten_characters_and_cut_at_fifty_thousand() throws Exception {
        assertEquals(
                "Bitcoin rose 5% & more",
                clean("{\"title\":\"t t t\",\"content\":\"<p>Bitcoin <b>rose</b> 5%&nbsp;&amp;"
                                + " more</p><script>x()</script>\"}")
                        .get("content"));
        assertNull(clean("{\"title\":\"t t t\",\"content\":\"too short\"}").get("content"));
        assertEquals("ten chars!", clean("{\"title\":\"t t t\",\"content\":\"ten chars!\"}").get("content"));
        assertEquals(
                50_000,
                clean("{\"title\":\"t t t\",\"content\":\"" + "가".repeat(60_000) + "\"}")
                        .get("content")
                        .toString()
                        .length());
        assertEquals("bad_field", rejectReason("{\"title\":\"t t t\",\"content\":{\"html\":\"x\"}}"));
    }

    @Test
    void only_http_urls_with_a_host_are_kept() throws Exception {
        assertEquals(
                "https://www.coinness.com/news/1",
                clean("{\"title\":\"abc\",\"url\":\" https://www.coinness.com/news/1 \"}")
                        .get("url"));
        assertEquals("HTTP://x.com/a", clean("{\"title\":\"abc\",\"url\":\"HTTP://x.com/a\"}").get("url"));
        for (String bad : List.of("javascript:alert(1)", "/news/1", "ftp://x.com/f", "https://", "http://bad host/x")) {
            assertNull(clean("{\"title\":\"abc\",\"url\":\"" + bad + "\"}").get("url"), bad);
        }
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"url\":42}"));
    }

    @Test
    void keywords_are_trimmed_longer_than_one_character_deduplicated_in_order_and_at_most_twenty() throws Exception {
        assertEquals(
                List.of("BTC", "비트코인", "ETF"),
                clean("{\"title\":\"abc\",\"keywords\":[\"BTC\",\"btc\",\"비트코인\",\"x\",\" ETF \"]}")
                        .get("keywords"));
        assertEquals(
                List.of("ETH", "이더리움"),
                clean("{\"title\":\"abc\",\"keywords\":\"ETH, 이더리움, ,E\"}").get("keywords"));
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            many.append(i == 0 ? "" : ",").append("\"kw").append(i).append('"');
        }
        @SuppressWarnings("unchecked")
        List<String> kept = (List<String>) clean("{\"title\":\"abc\",\"keywords\":" + many + "]}").get("keywords");
        assertEquals(20, kept.size());
        assertEquals("kw0", kept.get(0));
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"keywords\":{\"a\":1}}"));
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"keywords\":[1,2]}"));
    }

    @Test
    void published_at_is_utc_or_derived_from_relative_text_and_never_the_crawl_time() throws Exception {
        assertEquals((Object) Instant.parse("2026-11-21T09:30:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-21T18:30:00+09:00\"}").get("published_at"));
        assertEquals((Object) Instant.parse("2026-11-21T09:00:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_text\":\"3시간 전\"}").get("published_at"));
        assertEquals((Object) Instant.parse("2026-11-21T11:55:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_text\":\"5 minutes ago\"}").get("published_at"));
        assertNull(
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-21 09:00:00\"}")
                        .get("published_at"),
                "no zone: not guessed");
        assertNull(
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-25T00:00:00Z\"}")
                        .get("published_at"),
                "days after the crawl");
        assertNull(clean("{\"title\":\"abc\"}").get("published_at"));
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"published_at\":[2026]}"));
    }

    @Test
    void language_is_ko_when_a_tenth_of_the_letters_are_hangul_else_en() throws Exception {
        assertEquals("ko", clean("{\"title\":\"비트코인 ETF 승인\"}").get("language"));
        assertEquals("en", clean("{\"title\":\"Bitcoin ETF approved\"}").get("language"));
        assertNull(clean("{\"title\":\"123 456\"}").get("language"));
    }

    @Test
    void other_record_kinds_are_rejected() throws Exception {
        RecordEnvelope tick = new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, CRAWLED, "w1", 1, "https://x",
                (ObjectNode) JSON.readTree("{\"title\":\"abc\"}"));
        assertEquals(
                "wrong_kind",
                assertThrows(MalformedRecordException.class, () -> rules.clean(tick))
                        .reason());
    }

    /** A defect of the original: every URL-less SaveTicker item of a day collapsed into one. */
    @Test
    void items_without_a_url_keep_apart_unless_source_title_and_content_agree() throws Exception {
        GenericRecord a = rules.clean(news("saveticker", "{\"title\":\"파월 발언\",\"content\":\"금리 동결 가능성 시사.\"}"));
        GenericRecord b = rules.clean(news("saveticker", "{\"title\":\"SEC 승인\",\"content\":\"현물 ETF 추가 승인.\"}"));
        GenericRecord c = rules.clean(news("saveticker", "{\"title\":\"파월 발언\",\"content\":\"다른 내용의 기사 본문.\"}"));
        GenericRecord again =
                rules.clean(news("saveticker", "{\"title\":\" 파월  발언\",\"content\":\"금리 동결 가능성 시사.\"}"));
        assertNotEquals(a.get("id"), b.get("id"));
        assertNotEquals(a.get("id"), c.get("id"));
        assertEquals(a.get("id"), again.get("id"));
    }

    @Test
    void two_spellings_of_one_page_share_an_id() throws Exception {
        Object plain = clean("{\"title\":\"abc\",\"url\":\"https://www.coinness.com/news/1\"}").get("id");
        for (String variant : List.of("https://WWW.Coinness.com/news/1", "https://www.coinness.com:443/news/1/",
                "https://www.coinness.com/news/1#comments", "https://www.coinness.com/news/1?utm_source=tw&fbclid=x")) {
            assertEquals(plain, clean("{\"title\":\"other title\",\"url\":\"" + variant + "\"}").get("id"), variant);
        }
        assertNotEquals(
                plain,
                clean("{\"title\":\"abc\",\"url\":\"https://www.coinness.com/news/1?page=2\"}").get("id"));
        assertEquals(64, plain.toString().length());
    }
}
