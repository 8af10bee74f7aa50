package org.picu.jobs.clean.news;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.io.CleaningRules;
import org.picu.jobs.clean.io.Rows;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.avro.DatasetSchemas;

/**
 * The {@code news} contract (the rules of the original system's Scrapy ItemLoader and ValidationPipeline): what a
 * valid item is, how it becomes a row of {@code news.avsc}, and which row is kept per id. Rejects carry a reason:
 * {@code wrong_kind}, {@code missing_field}, {@code bad_title}, {@code bad_field} (and the envelope's own, e.g.
 * {@code bad_json}, {@code duplicate_key}, from the model's codec).
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
 *   <li>id: {@link NewsSignature}, the dedup key; the newest crawl wins (a site may have corrected the text
 *       since), then the shortest URL (the plainest spelling of the page), then the lowest worker id, then the
 *       lowest sequence number.</li>
 * </ul>
 *
 * A field of the wrong JSON type (a title that is a number, content that is an object) means a broken
 * spider and rejects the record ({@code bad_field}); a well-typed but unusable value is nulled as the
 * original did.
 */
public final class NewsRules implements CleaningRules {
    static final int MIN_TITLE = 3;
    static final int MAX_TITLE = 500;
    static final int MIN_CONTENT = 10;
    static final int MAX_CONTENT = 50_000;
    static final int MAX_KEYWORDS = 20;
    private static final int LANGUAGE_SAMPLE = 500;

    /** The order is total, so every run, and every grouping of items into map tasks, keeps the same item. */
    static final Comparator<GenericRecord> WINNER_FIRST = Comparator
            .comparingLong((GenericRecord r) -> Rows.longValue(r, "crawled_at")).reversed()
            .thenComparingInt((GenericRecord r) -> r.get("url") == null ? 0 : Rows.string(r, "url").length())
            .thenComparing(r -> Rows.string(r, "worker_id"))
            .thenComparingLong(r -> Rows.longValue(r, "seq"));

    @Override
    public Schema schema() {
        return DatasetSchemas.NEWS;
    }

    @Override
    public List<String> keyFields() {
        return List.of("id");
    }

    @Override
    public String dedupKey(GenericRecord row) {
        return Rows.string(row, "id");
    }

    @Override
    public Comparator<GenericRecord> winnerFirst() {
        return WINNER_FIRST;
    }

    @Override
    public GenericRecord clean(RecordEnvelope envelope) throws MalformedRecordException {
        if (envelope.kind() != RecordKind.NEWS) {
            throw new MalformedRecordException(
                    "wrong_kind", "kind " + envelope.kind().wireName() + " does not belong in news");
        }
        ObjectNode p = envelope.payload();
        String title = plainText(p, "title", MAX_TITLE);
        if (title == null) {
            throw new MalformedRecordException("missing_field", "title is missing");
        }
        if (title.length() < MIN_TITLE) {
            throw new MalformedRecordException(
                    "bad_title", "title '" + title + "' is shorter than " + MIN_TITLE + " characters");
        }
        String content = plainText(p, "content", MAX_CONTENT);
        if (content != null && content.length() < MIN_CONTENT) {
            content = null;
        }
        String rawUrl = optionalText(p, "url");
        URI uri = rawUrl == null ? null : NewsSignature.validUri(rawUrl);
        JsonNode published = p.get("published_at");
        if (published != null && !published.isNull() && !published.isTextual() && !published.isIntegralNumber()) {
            throw new MalformedRecordException("bad_field", "published_at must be ISO-8601 text or epoch milliseconds");
        }
        GenericRecord row = new GenericData.Record(DatasetSchemas.NEWS);
        row.put("id", NewsSignature.of(envelope.source(), title, uri, content));
        row.put("source", envelope.source());
        row.put("title", title);
        row.put("url", uri == null ? null : uri.toString());
        row.put("content", content);
        row.put("published_at", PublishedTime.of(published, optionalText(p, "published_text"), envelope.crawledAt()));
        row.put("keywords", keywords(p.get("keywords")));
        row.put("language", language(title, content));
        row.put("crawled_at", envelope.crawledAt().toEpochMilli());
        row.put("worker_id", envelope.workerId());
        row.put("seq", envelope.seq());
        return row;
    }

    /** The field as plain text of at most {@code max} characters, or null when it is absent or JSON null. */
    private static String plainText(ObjectNode p, String field, int max) throws MalformedRecordException {
        String raw = optionalText(p, field);
        return raw == null ? null : PlainText.cut(PlainText.of(raw), max);
    }

    private static String optionalText(ObjectNode p, String field) throws MalformedRecordException {
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

    /**
     * {@code ko} when at least 10 % of the letters of the title and the first {@value #LANGUAGE_SAMPLE} characters
     * of the content are Hangul syllables, else {@code en} when there are Latin letters, else null.
     */
    static String language(String title, String content) {
        String sample = content == null
                ? title
                : title + content.substring(0, Math.min(LANGUAGE_SAMPLE, content.length()));
        long hangul = 0;
        long latin = 0;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (c >= '\uAC00' && c <= '\uD7A3') {
                hangul++;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                latin++;
            }
        }
        return hangul > 0 && hangul * 10 >= hangul + latin ? "ko" : latin > 0 ? "en" : null;
    }
}
