package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.picu.model.MalformedRecordException;

/**
 * One news item in the shape of the {@code news} payload contract (model/README.md): {@code title},
 * {@code url}, {@code content}, {@code published_at}, {@code published_text}, {@code keywords},
 * {@code item_id}. Optional fields are left out of the payload when unknown rather than written as null.
 *
 * @param title the headline, plain text
 * @param url the item's own page, if it has one
 * @param content the body, plain text (never HTML)
 * @param publishedAt when the site says it was published
 * @param publishedText the date text exactly as the site shows it
 * @param keywords tags the site attaches, without a leading {@code #}
 * @param itemId the site's own id, or a content hash where it has none
 */
record NewsItem(String title, Optional<String> url, String content, Optional<OffsetDateTime> publishedAt,
                Optional<String> publishedText, List<String> keywords, Optional<String> itemId) {
    NewsItem {
        keywords = List.copyOf(keywords);
    }

    /**
     * @throws MalformedRecordException {@code missing_field} without title or content, {@code bad_field}
     *     for a url that is not http(s)
     */
    ObjectNode toPayload() throws MalformedRecordException {
        if (title == null || title.isBlank()) {
            throw new MalformedRecordException("missing_field", "title is missing" + where());
        }
        if (content == null || content.isBlank()) {
            throw new MalformedRecordException("missing_field", "content is missing for '" + title + "'" + where());
        }
        if (url.isPresent()) {
            String lower = url.get().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new MalformedRecordException("bad_field", "url '" + url.get() + "' is not http(s)");
            }
        }
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("title", title.strip());
        url.ifPresent(u -> payload.put("url", u));
        payload.put("content", content.strip());
        publishedAt.ifPresent(t -> payload.put("published_at", t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        publishedText.ifPresent(t -> payload.put("published_text", t));
        ArrayNode words = payload.putArray("keywords");
        keywords.forEach(words::add);
        itemId.ifPresent(id -> payload.put("item_id", id));
        return payload;
    }

    private String where() {
        return url.map(u -> " (" + u + ")").orElse(itemId.map(id -> " (item " + id + ")").orElse(""));
    }
}
