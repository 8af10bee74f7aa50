package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.CleaningMapper;
import org.picu.jobs.clean.Utf8Text;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class NewsNormalizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CRAWLED = Instant.parse("2026-11-21T12:00:00Z");
    private final NewsNormalizer normalizer = new NewsNormalizer();

    private static RecordEnvelope news(String source, String payloadJson) throws Exception {
        return new RecordEnvelope(1, source, RecordKind.NEWS, CRAWLED, "w1", 7, "https://example.com/list",
                (ObjectNode) JSON.readTree(payloadJson));
    }

    private CleanNews clean(String payloadJson) throws Exception {
        return normalizer.normalize(news("coinness", payloadJson));
    }

    private String rejectReason(String payloadJson) {
        return assertThrows(MalformedRecordException.class, () -> clean(payloadJson)).reason();
    }

    @Test
    void titles_are_collapsed_and_need_three_characters_the_schemas_rule_not_the_pipelines_five() throws Exception {
        assertEquals("급등 중", clean("{\"title\":\"  급등\\n\\t 중 \"}").title());
        assertEquals("BTC", clean("{\"title\":\"BTC\"}").title());
        assertEquals("bad_title", rejectReason("{\"title\":\" ab \"}"));
        assertEquals("missing_field", rejectReason("{\"content\":\"no title at all here\"}"));
        assertEquals("bad_field", rejectReason("{\"title\":123}"));
        assertEquals(500, clean("{\"title\":\"" + "x".repeat(600) + "\"}").title().length());
    }

    @Test
    void content_is_plain_text_nulled_under_ten_characters_and_cut_at_fifty_thousand() throws Exception {
        assertEquals(
                "Bitcoin rose 5% & more",
                clean("{\"title\":\"t t t\",\"content\":\"<p>Bitcoin <b>rose</b> 5%&nbsp;&amp;"
                                + " more</p><script>x()</script>\"}")
                        .content());
        assertNull(clean("{\"title\":\"t t t\",\"content\":\"too short\"}").content());
        assertEquals("ten chars!", clean("{\"title\":\"t t t\",\"content\":\"ten chars!\"}").content());
        assertEquals(
                50_000,
                clean("{\"title\":\"t t t\",\"content\":\"" + "가".repeat(60_000) + "\"}")
                        .content()
                        .length());
        assertEquals("bad_field", rejectReason("{\"title\":\"t t t\",\"content\":{\"html\":\"x\"}}"));
    }

    @Test
    void only_http_urls_with_a_host_are_kept() throws Exception {
        assertEquals(
                "https://www.coinness.com/news/1",
                clean("{\"title\":\"abc\",\"url\":\" https://www.coinness.com/news/1 \"}")
                        .url());
        assertEquals("HTTP://x.com/a", clean("{\"title\":\"abc\",\"url\":\"HTTP://x.com/a\"}").url());
        for (String bad : List.of("javascript:alert(1)", "/news/1", "ftp://x.com/f", "https://", "http://bad host/x")) {
            assertNull(clean("{\"title\":\"abc\",\"url\":\"" + bad + "\"}").url(), bad);
        }
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"url\":42}"));
    }

    @Test
    void keywords_are_trimmed_longer_than_one_character_deduplicated_in_order_and_at_most_twenty() throws Exception {
        assertEquals(
                List.of("BTC", "비트코인", "ETF"),
                clean("{\"title\":\"abc\",\"keywords\":[\"BTC\",\"btc\",\"비트코인\",\"x\",\" ETF \"]}")
                        .keywords());
        assertEquals(List.of("ETH", "이더리움"), clean("{\"title\":\"abc\",\"keywords\":\"ETH, 이더리움, ,E\"}").keywords());
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            many.append(i == 0 ? "" : ",").append("\"kw").append(i).append('"');
        }
        List<String> kept = clean("{\"title\":\"abc\",\"keywords\":" + many + "]}").keywords();
        assertEquals(20, kept.size());
        assertEquals("kw0", kept.get(0));
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"keywords\":{\"a\":1}}"));
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"keywords\":[1,2]}"));
    }

    @Test
    void published_at_is_utc_or_derived_from_relative_text_and_never_the_crawl_time() throws Exception {
        assertEquals(Instant.parse("2026-11-21T09:30:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-21T18:30:00+09:00\"}").publishedAt());
        assertEquals(Instant.parse("2026-11-21T09:00:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_text\":\"3시간 전\"}").publishedAt());
        assertEquals(Instant.parse("2026-11-21T11:55:00Z").toEpochMilli(),
                clean("{\"title\":\"abc\",\"published_text\":\"5 minutes ago\"}").publishedAt());
        assertNull(
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-21 09:00:00\"}")
                        .publishedAt(),
                "no zone: not guessed");
        assertNull(
                clean("{\"title\":\"abc\",\"published_at\":\"2026-11-25T00:00:00Z\"}")
                        .publishedAt(),
                "days after the crawl");
        assertNull(clean("{\"title\":\"abc\"}").publishedAt());
        assertEquals("bad_field", rejectReason("{\"title\":\"abc\",\"published_at\":[2026]}"));
    }

    @Test
    void language_is_ko_when_a_tenth_of_the_letters_are_hangul_else_en() throws Exception {
        assertEquals("ko", clean("{\"title\":\"비트코인 ETF 승인\"}").language());
        assertEquals("en", clean("{\"title\":\"Bitcoin ETF approved\"}").language());
        assertNull(clean("{\"title\":\"123 456\"}").language());
    }

    /** The rule written the obvious way, with branches: the reference for the counting in {@code language}. */
    private static String languageAsWritten(String title, String content) {
        String sample = title + (content == null ? "" : content.substring(0, Math.min(500, content.length())));
        int hangul = 0;
        int latin = 0;
        for (char c : sample.toCharArray()) {
            if (c >= '\uAC00' && c <= '\uD7A3') {
                hangul++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return hangul > 0 && hangul * 10 >= hangul + latin ? "ko" : latin > 0 ? "en" : null;
    }

    @Test
    void language_agrees_with_the_rule_as_written_on_random_text() {
        // Characters at and around every range edge the counting uses, plus ordinary text.
        char[] alphabet = {'@', 'A', 'Z', '[', '`', 'a', 'z', '{', ' ', '1', '\u00C0', '\u00E0', '\u00FA',
            '\uABFF', '\uAC00', '\uB000', '\uD7A3', '\uD7A4', '\u3131', '\u4E00', '\uFFFF', '\u0000', '\u0061' ^ 0x20};
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String title = randomText(random, alphabet, random.nextInt(20));
            String content = random.nextInt(4) == 0 ? null : randomText(random, alphabet, random.nextInt(700));
            assertEquals(
                    languageAsWritten(title, content),
                    NewsNormalizer.language(title, content),
                    title + " / " + content);
            // The same count on the bytes of text that was never decoded (a lone surrogate is '?' in UTF-8).
            Utf8Text titleBytes = Utf8Text.ofUtf8(title.getBytes(StandardCharsets.UTF_8));
            Utf8Text contentBytes = content == null ? null : Utf8Text.ofUtf8(content.getBytes(StandardCharsets.UTF_8));
            String expected = languageAsWritten(new String(titleBytes.utf8(), StandardCharsets.UTF_8),
                    content == null ? null : new String(contentBytes.utf8(), StandardCharsets.UTF_8));
            assertEquals(
                    expected, NewsNormalizer.language(titleBytes, contentBytes), "bytes of " + title + " / " + content);
        }
    }

    private static String randomText(SplittableRandom random, char[] alphabet, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(
                    random.nextInt(3) == 0
                            ? (char) random.nextInt(0x10000)
                            : alphabet[random.nextInt(alphabet.length)]);
        }
        return b.toString();
    }

    /**
     * Through the mapper's fast path, title and content the rules leave as they are (spaces at the ends aside)
     * stay the line's bytes, and the item is the one the codec's payload tree gives: random texts of plain
     * pieces, JSON escapes, markup, entities, Unicode white space, raw control characters and over-long text.
     */
    @Test
    void text_kept_as_the_lines_bytes_gives_the_items_the_codec_gives() throws Exception {
        String[] pieces = {
            "a", "Z", " ", " ", "비트코인", "ETF", "급등", "rally", ".", "😀", "\u00B7", "\u2026", "\u00A0", "\u3000",
            "\u2003", "\uFEFF", "<b>", "&amp;", "a < b", "\\\"", "\\\\", "\\n", "\\u00e9", "\\u3000", "\u0001", "\t"
        };
        SplittableRandom random = new SplittableRandom(23);
        CleanNewsMapper mapper = new CleanNewsMapper();
        EnvelopeCodec codec = new EnvelopeCodec();
        int items = 0;
        int keptTitles = 0;
        int keptContents = 0;
        for (int i = 0; i < 20_000; i++) {
            String title = randomPieces(random, pieces, random.nextInt(8));
            String content =
                    random.nextInt(200) == 0 ? "가".repeat(50_001) : randomPieces(random, pieces, random.nextInt(30));
            String line =
                    "{\"schema_version\":1,\"source\":\"coinness\",\"kind\":\"news\",\"crawled_at\":\"2026-11-21T01:00:"
                        + "00Z\","
                        + "\"worker_id\":\"w1\",\"seq\":" + i
                            + ",\"url\":\"https://coinness.com\",\"payload\":{\"title\":\"" + title
                            + "\",\"content\":\"" + content + "\",\"url\":\"https://coinness.com/news/" + i + "\"}}";
            CleaningMapper.Outcome<CleanNews> fast = mapper.clean(new Text(line), "f.jsonl", i);
            CleanNews expected;
            try {
                expected = normalizer.normalize(codec.parse(line));
            } catch (MalformedRecordException e) {
                assertNull(fast.record(), line);
                assertEquals(e.reason(), fast.rejected().reason(), line);
                continue;
            }
            CleanNews item = fast.record();
            assertNotNull(item, line);
            items++;
            keptTitles += item.titleText().undecoded() ? 1 : 0;
            keptContents += item.contentText() != null && item.contentText().undecoded() ? 1 : 0;
            assertEquals(expected, item, line);
        }
        assertTrue(items > 5_000, "too few good items: " + items);
        assertTrue(
                keptTitles > items / 4 && keptContents > items / 20,
                "the bytes were kept for " + keptTitles + " titles and " + keptContents + " contents of " + items
                        + " items");
    }

    private static String randomPieces(SplittableRandom random, String[] pieces, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(random.nextInt(3) > 0 ? pieces[random.nextInt(10)] : pieces[random.nextInt(pieces.length)]);
        }
        return b.toString();
    }

    @Test
    void other_record_kinds_are_rejected() throws Exception {
        RecordEnvelope tick = new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, CRAWLED, "w1", 1, "https://x",
                (ObjectNode) JSON.readTree("{\"title\":\"abc\"}"));
        assertEquals(
                "wrong_kind",
                assertThrows(MalformedRecordException.class, () -> normalizer.normalize(tick))
                        .reason());
    }

    /** A defect of the original: every URL-less SaveTicker item of a day collapsed into one. */
    @Test
    void items_without_a_url_keep_apart_unless_source_title_and_content_agree() throws Exception {
        CleanNews a = normalizer.normalize(news("saveticker", "{\"title\":\"파월 발언\",\"content\":\"금리 동결 가능성 시사.\"}"));
        CleanNews b = normalizer.normalize(news("saveticker", "{\"title\":\"SEC 승인\",\"content\":\"현물 ETF 추가 승인.\"}"));
        CleanNews c = normalizer.normalize(news("saveticker", "{\"title\":\"파월 발언\",\"content\":\"다른 내용의 기사 본문.\"}"));
        CleanNews again =
                normalizer.normalize(news("saveticker", "{\"title\":\" 파월  발언\",\"content\":\"금리 동결 가능성 시사.\"}"));
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.id(), c.id());
        assertEquals(a.id(), again.id());
    }

    @Test
    void two_spellings_of_one_page_share_an_id() throws Exception {
        String plain = clean("{\"title\":\"abc\",\"url\":\"https://www.coinness.com/news/1\"}").id();
        for (String variant : List.of("https://WWW.Coinness.com/news/1", "https://www.coinness.com:443/news/1/",
                "https://www.coinness.com/news/1#comments", "https://www.coinness.com/news/1?utm_source=tw&fbclid=x")) {
            assertEquals(plain, clean("{\"title\":\"other title\",\"url\":\"" + variant + "\"}").id(), variant);
        }
        assertNotEquals(plain, clean("{\"title\":\"abc\",\"url\":\"https://www.coinness.com/news/1?page=2\"}").id());
        assertEquals(64, plain.length());
    }
}
