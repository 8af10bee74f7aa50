package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.feargreed.CleanFearGreedMapper;
import org.picu.jobs.clean.market.CleanMarketMapper;
import org.picu.jobs.clean.news.CleanNewsMapper;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/**
 * The streaming envelope reader against the model's codec (the reference): on every fixture line of the
 * three cleaning jobs (their malformed corpora included), on generated lines and on lines made to trip a
 * streaming parser, the fast path either gives up or yields the very envelope the codec yields, and the
 * mappers reach the same outcome (record, or reject reason, detail and line) either way. The same for the
 * payload fields the market and news rules read straight from the stream ({@link PayloadFields}): each is the
 * node the codec's payload tree holds.
 */
class EnvelopeReaderTest {
    private static final String GOOD = "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\","
        + "\"crawled_at\":\"2026-11-21T03:00:05Z\",\"worker_id\":\"w1\",\"seq\":1,\"url\":\"http://x\","
        + "\"payload\":{\"symbol\":\"BTC\",\"quote_currency\":\"KRW\",\"price\":1.5,\"timestamp\":\"2026-11-21T03:00:00"
        + "Z\"}}";
    private final EnvelopeReader reader = new EnvelopeReader();
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private static final List<String[]> FIELD_SETS = List.of(
            new String[] {
                "symbol",
                "quote_currency",
                "market",
                "price",
                "prev_closing_price",
                "change_24h",
                "timestamp",
                "volume_24h",
                "acc_trade_price_24h",
                "day_volume"
            },
            new String[] {"title", "content", "url", "published_at", "published_text", "keywords"});
    private final List<CleaningMapper<?>> mappers =
            List.of(new CleanMarketMapper(), new CleanNewsMapper(), new CleanFearGreedMapper());

    @Test
    void fixture_lines_give_the_codecs_envelope_or_are_left_to_it() throws Exception {
        List<byte[]> lines = fixtureLines();
        int fast = assertAgreement(lines);
        assertTrue(lines.size() > 60, "the fixtures were found: " + lines.size());
        assertTrue(
                fast > lines.size() / 2, "the good fixture lines take the fast path: " + fast + " of " + lines.size());
    }

    @Test
    void generated_lines_agree_and_take_the_fast_path() throws Exception {
        List<byte[]> lines = generatedLines(2_000);
        assertEquals(lines.size(), assertAgreement(lines), "every generated line is read by the fast path");
    }

    @Test
    void lines_made_to_trip_a_streaming_parser_agree_with_the_codec() throws Exception {
        List<String> tricky = List.of(
                "\uFEFF" + GOOD, // BOM: the codec reads text, Jackson would skip it in bytes
                GOOD + " trailing",
                GOOD + "{}",
                GOOD + " ", // content after the object
                "  \t" + GOOD, // leading white space
                GOOD.replace("\"seq\":1,", "\"seq\":1,\"seq\":2,"), // a repeated key: both refuse it
                GOOD.replace("\"kind\":\"market_tick\",", "\"kind\":\"news\",\"kind\":\"market_tick\","),
                GOOD.replace("\"seq\":1", "\"seq\":1.0"),
                GOOD.replace("\"seq\":1", "\"seq\":\"1\""),
                GOOD.replace("\"seq\":1", "\"seq\":-1"),
                GOOD.replace("\"seq\":1", "\"seq\":99999999999999999999"),
                GOOD.replace("\"seq\":1", "\"seq\":9007199254740993"),
                GOOD.replace("\"seq\":1", "\"seq\":007"),
                GOOD.replace("\"schema_version\":1", "\"schema_version\":2"),
                GOOD.replace("\"schema_version\":1", "\"schema_version\":1.0"),
                GOOD.replace("\"schema_version\":1", "\"schema_version\":4294967297"),
                GOOD.replace("\"schema_version\":1", "\"schema_version\":null"),
                GOOD.replace("market_tick", "weather"),
                GOOD.replace("\"market_tick\"", "7"),
                GOOD.replace("2026-11-21T03:00:05Z", "2026-11-21t03:00:05z"),
                GOOD.replace("2026-11-21T03:00:05Z", "2026-11-21T03:00:05+09:00"),
                GOOD.replace("2026-11-21T03:00:05Z", "2026-11-21T24:00:00Z"),
                GOOD.replace("2026-11-21T03:00:05Z", "2026-11-21 03:00:05"),
                GOOD.replace("\"upbit\"", "\"UPBIT\""),
                GOOD.replace("\"upbit\"", "\" \""),
                GOOD.replace("\"w1\"", "null"),
                GOOD.replace("\"url\":\"http://x\",", ""),
                GOOD.replace("\"http://x\"", "\"\""),
                GOOD.replace("\"payload\":{", "\"extra\":{\"a\":[1,{\"b\":null}]},\"payload\":{"),
                GOOD.replace("\"payload\":{\"symbol\":\"BTC\",", "\"payload\":{\"symbol\":\"BTC\",\"symbol\":\"ETH\","),
                GOOD.substring(0, GOOD.indexOf("\"payload\"")) + "\"payload\":[]}",
                GOOD.substring(0, GOOD.indexOf("\"payload\"")) + "\"payload\":null}",
                GOOD.substring(0, GOOD.length() - 5),
                "[" + GOOD + "]",
                "null",
                "{}",
                "  ",
                "");
        List<byte[]> lines = new ArrayList<>();
        for (String s : tricky) {
            lines.add(s.getBytes(StandardCharsets.UTF_8));
        }
        lines.add(withBytes(GOOD.replace("BTC", "B@C"), "@", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}));
        lines.add(withBytes(GOOD, "{", new byte[] {'{', 0}));
        lines.add(withBytes(GOOD.replace("BTC", "B@C"), "@", new byte[] {(byte) 0xC3, (byte) 0x28}));
        assertAgreement(lines);
        assertNull(reader.read(("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8), GOOD.length() + 3));
        assertNull(reader.read((GOOD + "{}").getBytes(StandardCharsets.UTF_8), GOOD.length() + 2));
        assertNotNull(reader.read(GOOD.getBytes(StandardCharsets.UTF_8), GOOD.length()));
    }

    @Test
    void payload_fields_read_from_the_stream_are_the_trees_nodes() throws Exception {
        String payload = GOOD.substring(0, GOOD.indexOf("\"payload\":{") + "\"payload\":{".length());
        String[] values = {
            "\"BTC\"",
            "\"\"",
            "\"  eth \"",
            "1",
            "-7",
            "2147483648",
            "9223372036854775807",
            "99999999999999999999",
            "1.5",
            "-0.0",
            "1e400",
            "1E-400",
            "0.1e1",
            "true",
            "false",
            "null",
            "[]",
            "[1,\"a\"]",
            "{}",
            "{\"x\":{\"y\":[null]}}",
            "\"\\u0041\\n\"",
            "\"1,234.5\"",
            "\"3.2%\"",
            "\"비트코인\""
        };
        String[] fields = {
            "symbol",
            "quote_currency",
            "market",
            "price",
            "prev_closing_price",
            "change_24h",
            "timestamp",
            "volume_24h",
            "title",
            "content",
            "url",
            "published_at",
            "published_text",
            "keywords"
        };
        SplittableRandom random = new SplittableRandom(11);
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder b = new StringBuilder(payload);
            int n = 1 + random.nextInt(8);
            for (int k = 0; k < n; k++) {
                String name =
                        random.nextInt(5) == 0 ? "other" + random.nextInt(3) : fields[random.nextInt(fields.length)];
                b.append(k == 0 ? "" : ",")
                        .append('"')
                        .append(name)
                        .append("\":")
                        .append(values[random.nextInt(values.length)]);
            }
            lines.add(b.append("}}").toString().getBytes(StandardCharsets.UTF_8));
        }
        int fast = assertAgreement(lines);
        assertTrue(fast > lines.size() / 2, "most lines take the fast path: " + fast);
    }

    @Test
    void lines_made_to_trip_the_payload_fields_agree_with_the_codec() throws Exception {
        String head = GOOD.substring(0, GOOD.indexOf("\"payload\":{") + "\"payload\":{".length());
        List<String> tricky = List.of(
                head + "\"symbol\":\"BTC\",\"symbol\":\"ETH\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head + "\"x\":1,\"x\":2,\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head
                        + "\"x\":\"bad \\q"
                        + " escape\",\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head
                        + "\"x\":\"raw \t"
                        + " tab\",\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head
                        + "\"x\":[1,{\"y\":007}],\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp"
                        + "\":1}}",
                head + "\"x\":NaN,\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head + "\"x\":" + "[".repeat(1_200) + "]".repeat(1_200)
                        + ",\"symbol\":\"BTC\",\"price\":1,\"timestamp\":1}}",
                head + "\"x\":" + "9".repeat(1_200)
                        + ",\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head + "\"symbol\":\"BTC\",\"price\":1e400,\"quote_currency\":\"KRW\",\"timestamp\":1}}",
                head + "\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":99999999999999999999}}",
                head + "\"symbol\":\"BTC\",\"price\":1,\"market\":7,\"timestamp\":1}}",
                head + "\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1,}}",
                head + "\"symbol\":\"BTC\",\"price\":1,\"quote_currency\":\"KRW\",\"timestamp\":1}",
                head + "\"title\":\"a title\",\"title\":\"another\"}}",
                head + "\"title\":\"a title\",\"keywords\":[\"a\",[\"b\"]]}}");
        List<byte[]> lines = new ArrayList<>();
        for (String s : tricky) {
            lines.add(s.getBytes(StandardCharsets.UTF_8));
        }
        assertAgreement(lines);
    }

    @Test
    void name_check_is_the_records_pattern() {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "az09_-A.Z é";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(44);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = b.toString();
            assertEquals(RecordEnvelope.NAME.matcher(s).matches(), EnvelopeReader.isName(s), "'" + s + "'");
        }
    }

    /** Asserts that fast and reference agree on every line; returns how many the fast path read. */
    private int assertAgreement(List<byte[]> lines) throws Exception {
        int fast = 0;
        for (byte[] bytes : lines) {
            Text line = new Text(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            RecordEnvelope envelope =
                    RawLines.isValidUtf8(line) ? reader.read(line.getBytes(), line.getLength()) : null;
            if (envelope != null) {
                fast++;
                assertEquals(reference(text), envelope, "fast path differs from the codec on: " + text);
            }
            for (String[] names : FIELD_SETS) {
                PayloadFields fields = new PayloadFields(names);
                EnvelopeHead head =
                        RawLines.isValidUtf8(line) ? reader.read(line.getBytes(), line.getLength(), fields) : null;
                if (head != null) {
                    RecordEnvelope expected = reference(text);
                    assertEquals(
                            new EnvelopeHead(
                                    expected.source(),
                                    expected.kind(),
                                    expected.crawledAt(),
                                    expected.workerId(),
                                    expected.seq(),
                                    expected.url(),
                                    null),
                            head,
                            "envelope fields differ on: " + text);
                    for (String name : names) {
                        assertEquals(expected.payload().get(name), fields.get(name), name + " differs on: " + text);
                    }
                }
            }
            // The news rules' fields keep title and content as the line's bytes when they hold no escape.
            PayloadFields kept = new PayloadFields(FIELD_SETS.get(1)).keepingUtf8("title", "content");
            EnvelopeHead keptHead =
                    RawLines.isValidUtf8(line) ? reader.read(line.getBytes(), line.getLength(), kept) : null;
            if (keptHead != null) {
                RecordEnvelope expected = reference(text);
                for (String name : FIELD_SETS.get(1)) {
                    Utf8Text utf8 = kept.utf8(name);
                    if (utf8 != null) {
                        assertEquals(
                                expected.payload().get(name).textValue(),
                                utf8.toString(),
                                name + " bytes differ on: " + text);
                    }
                    assertEquals(expected.payload().get(name), kept.get(name), name + " differs on: " + text);
                }
            }
            for (CleaningMapper<?> mapper : mappers) {
                assertEquals(mapper.cleanWithCodec(line, "f.jsonl", 42), mapper.clean(line, "f.jsonl", 42),
                        mapper.getClass().getSimpleName() + " on: " + text);
            }
        }
        return fast;
    }

    private RecordEnvelope reference(String text) {
        try {
            return codec.parse(text);
        } catch (MalformedRecordException e) {
            throw new AssertionError("the fast path accepted a line the codec rejects (" + e.reason() + "): " + text);
        }
    }

    private static byte[] withBytes(String line, String marker, byte[] replacement) {
        int at = line.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = line.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = line.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.write(replacement, 0, replacement.length);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static List<byte[]> fixtureLines() throws Exception {
        List<byte[]> lines = new ArrayList<>();
        for (String job : List.of("clean-market", "clean-news", "clean-fear-greed")) {
            try (Stream<Path> files = Files.walk(CleanFixtures.dir(job))) {
                for (Path f : files.filter(p -> p.getFileName().toString().contains(".jsonl")).toList()) {
                    for (String line : splitLines(Files.readAllBytes(f))) {
                        lines.add(line.getBytes(StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        return lines;
    }

    /** Lines as raw bytes (carried in ISO-8859-1 strings so that bad UTF-8 survives). */
    private static List<String> splitLines(byte[] content) throws IOException {
        return List.of(new String(content, StandardCharsets.ISO_8859_1).split("\n", -1));
    }

    private static List<byte[]> generatedLines(int n) {
        SplittableRandom random = new SplittableRandom(7);
        String[] titles = {"비트코인 급등", "SEC approves ETF", "이더리움 &amp; <b>솔라나</b>", "Whale 🐋 moves"};
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String crawl = "2026-11-21T"
                    + String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60))
                    + (random.nextBoolean() ? "." + random.nextInt(1000) : "") + "Z";
            String line;
            if (i % 2 == 0) {
                line = "{\"schema_version\":1,\"source\":\"upbit\",\"kind\":\"market_tick\",\"crawled_at\":\"" + crawl
                        + "\",\"worker_id\":\"w" + random.nextInt(9) + "\",\"seq\":" + i
                        + ",\"url\":\"https://api.upbit.com\","
                        + "\"payload\":{\"symbol\":\"btc\",\"market\":\"KRW-BTC\",\"price\":\""
                        + random.nextInt(9_000_000) + ",5\","
                        + "\"volume_24h\":" + random.nextDouble() + ",\"timestamp\":" + (1_795_230_000_000L + i) + "}}";
            } else {
                line = "{\"source\":\"coinness\",\"schema_version\":1,\"kind\":\"news\",\"crawled_at\":\"" + crawl
                        + "\",\"worker_id\":\"w1\",\"seq\":" + i
                        + ",\"url\":\"https://coinness.com\",\"payload\":{\"title\":\""
                        + titles[random.nextInt(titles.length)] + " " + i + "\",\"content\":\"본문 " + i + " text\","
                        + "\"published_at\":\"2026-11-21T0" + random.nextInt(10)
                        + ":00:00+09:00\",\"keywords\":\"BTC, 비트코인\"}}";
            }
            lines.add(line.getBytes(StandardCharsets.UTF_8));
        }
        return lines;
    }
}
