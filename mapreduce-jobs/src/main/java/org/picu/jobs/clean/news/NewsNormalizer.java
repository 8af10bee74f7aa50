package org.picu.jobs.clean.news;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.picu.jobs.clean.EnvelopeHead;
import org.picu.jobs.clean.Payload;
import org.picu.jobs.clean.PayloadFields;
import org.picu.jobs.clean.Utf8Text;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

/**
 * The news cleaning rules (the rules of the original system's Scrapy ItemLoader and ValidationPipeline),
 * as plain code the mapper and the tests call directly.
 *
 * <ul>
 *   <li>title: required text; markup removed, whitespace collapsed; at least {@value #MIN_TITLE}
 *       characters (the ItemLoader's 3, which {@code news.avsc} documents, not the validation pipeline's
 *       5: short Korean headlines such as "비트코인 급등" are real), cut to {@value #MAX_TITLE};</li>
 *   <li>content: plain text (markup removed), whitespace collapsed; null under {@value #MIN_CONTENT}
 *       characters, cut to {@value #MAX_CONTENT};</li>
 *   <li>url: kept only if it is an http(s) URL with a host, else null;</li>
 *   <li>keywords: an array or a comma-separated string; trimmed, longer than 1 character, de-duplicated
 *       ignoring case in first-seen order, at most {@value #MAX_KEYWORDS};</li>
 *   <li>published_at: see {@link PublishedTime};</li>
 *   <li>language: {@code ko} when at least 10 % of the letters of title and content are Hangul, else
 *       {@code en} when there are Latin letters, else null;</li>
 *   <li>id: {@link NewsSignature}.</li>
 * </ul>
 *
 * A field of the wrong JSON type (a title that is a number, content that is an object) means a broken
 * spider and rejects the record ({@code bad_field}); a well-typed but unusable value is nulled as the
 * original did.
 */
final class NewsNormalizer {
    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 500;
    static final int MIN_CONTENT = 10;
    static final int MAX_CONTENT = 50_000;
    static final int MAX_KEYWORDS = 20;
    private static final int LANGUAGE_SAMPLE = 500;
    /** Hangul syllables are U+AC00 to U+AC00 + HANGUL_SPAN. */
    private static final int HANGUL_SPAN = '\uD7A3' - '\uAC00';

    /** The payload fields the rules read. */
    static PayloadFields payloadFields() {
        return new PayloadFields("title", "content", "url", "published_at", "published_text", "keywords")
                .keepingUtf8("title", "content");
    }

    CleanNews normalize(RecordEnvelope envelope) throws MalformedRecordException {
        ObjectNode payload = envelope.payload();
        return normalize(envelope.kind(), envelope.source(), envelope.crawledAt(), envelope.workerId(), envelope.seq(),
                payload::get);
    }

    CleanNews normalize(EnvelopeHead head, Payload payload) throws MalformedRecordException {
        return normalize(head.kind(), head.source(), head.crawledAt(), head.workerId(), head.seq(), payload);
    }

    private CleanNews normalize(RecordKind kind, String source, Instant crawledAt, String workerId, long seq, Payload p)
            throws MalformedRecordException {
        if (kind != RecordKind.NEWS) {
            throw new MalformedRecordException("wrong_kind", "kind " + kind.wireName() + " does not belong in news");
        }
        Plain plainTitle = plainText(p, "title", MAX_TITLE);
        if (plainTitle == null) {
            throw new MalformedRecordException("missing_field", "title is missing");
        }
        Utf8Text title = plainTitle.text();
        if (title.length() < MIN_TITLE) {
            throw new MalformedRecordException(
                    "bad_title", "title '" + title + "' is shorter than " + MIN_TITLE + " characters");
        }
        Plain plainContent = plainText(p, "content", MAX_CONTENT);
        if (plainContent != null && plainContent.text().length() < MIN_CONTENT) {
            plainContent = null;
        }
        Utf8Text content = plainContent == null ? null : plainContent.text();
        String rawUrl = optionalText(p, "url");
        String simpleUrl = rawUrl == null ? null : NewsSignature.simpleNormalized(rawUrl);
        URI uri = rawUrl == null || simpleUrl != null ? null : NewsSignature.validUri(rawUrl);
        String url = simpleUrl != null ? rawUrl : uri == null ? null : uri.toString();
        JsonNode published = p.get("published_at");
        if (published != null && !published.isNull() && !published.isTextual() && !published.isIntegralNumber()) {
            throw new MalformedRecordException("bad_field", "published_at must be ISO-8601 text or epoch milliseconds");
        }
        Long publishedAt = PublishedTime.of(published, optionalText(p, "published_text"), crawledAt);
        String id = simpleUrl != null
                ? NewsSignature.ofNormalizedUrl(simpleUrl)
                : NewsSignature.of(source, title, uri, content);
        return new CleanNews(id, source, title, url,
                content, publishedAt, keywords(p.get("keywords")), language(plainTitle, plainContent),
                crawledAt.toEpochMilli(), workerId, seq);
    }

    /**
     * The field as plain text of at most {@code max} characters, or null when it is absent or JSON null. Text the
     * rules would leave as it is, but for spaces at its ends (most titles and contents), stays the line's bytes,
     * never decoded here.
     */
    private static Plain plainText(Payload p, String field, int max) throws MalformedRecordException {
        Utf8Text kept = p.utf8(field);
        if (kept != null) {
            Utf8Scan scan = Utf8Scan.ofTrimmed(kept.utf8());
            if (scan.plain() && scan.units() <= max) {
                return new Plain(Utf8Text.ofUtf8(scan.trimmed(kept.utf8()), scan.units()), scan);
            }
        }
        String raw = optionalText(p, field);
        return raw == null ? null : new Plain(Utf8Text.of(PlainText.cut(PlainText.of(raw), max)), null);
    }

    /** A text field after the rules, with the scan of its bytes when they were kept (else null). */
    private record Plain(Utf8Text text, Utf8Scan scan) {
    }

    private static String optionalText(Payload p, String field) throws MalformedRecordException {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new MalformedRecordException(
                    "bad_field",
                    field + " must be a string, was " + v.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return v.asText();
    }

    static List<String> keywords(JsonNode v) throws MalformedRecordException {
        List<String> candidates = new ArrayList<>();
        if (v == null || v.isNull()) {
            return List.of();
        } else if (v.isTextual()) {
            candidates.addAll(List.of(v.asText().split(",")));
        } else if (v.isArray()) {
            for (JsonNode k : v) {
                if (!k.isTextual()) {
                    throw new MalformedRecordException("bad_field", "keywords must be strings");
                }
                candidates.add(k.asText());
            }
        } else {
            throw new MalformedRecordException(
                    "bad_field", "keywords must be an array of strings or comma-separated text");
        }
        List<String> kept = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String c : candidates) {
            String k = PlainText.of(c);
            if (k.length() > 1 && seen.add(k.toLowerCase(Locale.ROOT))) {
                kept.add(k);
                if (kept.size() == MAX_KEYWORDS) {
                    break;
                }
            }
        }
        return kept;
    }

    static String language(String title, String content) {
        return language(Utf8Text.of(title), Utf8Text.ofNullable(content));
    }

    static String language(Utf8Text title, Utf8Text content) {
        return language(
                new Plain(title, scanned(title)), content == null ? null : new Plain(content, scanned(content)));
    }

    private static Utf8Scan scanned(Utf8Text text) {
        return text.undecoded() ? Utf8Scan.of(text.utf8(), 0, text.utf8().length) : null;
    }

    private static String language(Plain plainTitle, Plain plainContent) {
        Utf8Text title = plainTitle.text();
        Utf8Text content = plainContent == null ? null : plainContent.text();
        Utf8Scan t = plainTitle.scan();
        Utf8Scan c = plainContent == null ? null : plainContent.scan();
        if (t != null && (content == null || c != null)) {
            // Bytes never decoded: the scan's counts decide unless the Hangul it cannot be sure of could change the
            // answer.
            if (c == null || c.units() <= LANGUAGE_SAMPLE) {
                long latin = t.latin() + (c == null ? 0 : c.latin());
                long least = t.hangul() + (c == null ? 0 : c.hangul());
                long most = least + t.hangulMaybe() + (c == null ? 0 : c.hangulMaybe());
                if (korean(least, latin) == korean(most, latin)) {
                    return language(least, latin);
                }
            }
        }
        // The title and the first LANGUAGE_SAMPLE characters of the content, counted in place (no joined copy).
        long titleCounts = letters(title, title.length());
        long contentCounts = content == null ? 0 : letters(content, Math.min(LANGUAGE_SAMPLE, content.length()));
        return language(
                (titleCounts >>> 32) + (contentCounts >>> 32),
                (titleCounts & 0xFFFF_FFFFL) + (contentCounts & 0xFFFF_FFFFL));
    }

    private static String language(long hangul, long latin) {
        return korean(hangul, latin) ? "ko" : latin > 0 ? "en" : null;
    }

    /** At least 10 % of the letters are Hangul: true for any larger count of Hangul too. */
    private static boolean korean(long hangul, long latin) {
        return hangul > 0 && hangul * 10 >= hangul + latin;
    }

    private static long letters(Utf8Text text, int n) {
        if (!text.undecoded()) {
            return letters(text.toString(), n);
        }
        return letters(text.utf8(), n >= text.length() ? Integer.MAX_VALUE : n);
    }

    /**
     * {@link #letters(String, int)} on UTF-8: Hangul syllables are the three-byte sequences EA B0 80 to ED 9E A3,
     * and a four-byte sequence is two UTF-16 units (neither a letter).
     */
    static long letters(byte[] utf8, int n) {
        int end = utf8.length;
        if (end > n) {
            end = unitsEnd(utf8, n);
        }
        // Without branches, as letters(String, int): text mixing Hangul and Latin would mispredict them.
        int latin = 0;
        for (int i = 0; i < end; i++) {
            int l = ((utf8[i] & 0xFF) | 0x20) - 'a'; // a byte above 0x7F lands above 'z'
            latin += ~(l | ('z' - 'a' - l)) >>> 31;
        }
        int hangul = 0;
        for (int i = 0; i + 2 < end; i++) {
            int b = utf8[i] & 0xFF;
            int lead = (((b >>> 4) ^ 0xE) - 1) >>> 31; // 1 for a three-byte lead (1110xxxx)
            int h = (((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F)) - '\uAC00';
            hangul += lead & (~(h | (HANGUL_SPAN - h)) >>> 31);
        }
        return ((long) hangul << 32) | latin;
    }

    /** The end of the bytes of the first {@code n} UTF-16 units (a surrogate pair that {@code n} splits is in). */
    private static int unitsEnd(byte[] utf8, int n) {
        int units = 0;
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i];
            if ((b & 0xC0) != 0x80) {
                if (units >= n) {
                    return i;
                }
                units += (b & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return utf8.length;
    }

    /** Hangul syllables in the high and Latin letters in the low 32 bits, among the first {@code n} characters. */
    static long letters(String s, int n) {
        char[] chars = new char[n];
        s.getChars(0, n, chars, 0); // a plain array loop: charAt on Hangul text keeps a bounds check per character
        int hangul = 0;
        int latin = 0;
        for (char c : chars) {
            // Without branches (text mixing Hangul and Latin mispredicts them): d is in [0, max] exactly when
            // d and max - d are both non-negative, i.e. when the sign bit of their OR is clear.
            int h = c - '\uAC00';
            hangul += ~(h | (HANGUL_SPAN - h)) >>> 31;
            int l = (c | 0x20) - 'a'; // folds A..Z onto a..z; nothing else lands in a..z
            latin += ~(l | ('z' - 'a' - l)) >>> 31;
        }
        return ((long) hangul << 32) | latin;
    }
}
