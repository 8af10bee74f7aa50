package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.picu.model.MalformedRecordException;

/**
 * Reads one answer of the Coinness breaking-news feed ({@code /feed/v1/breaking-news}): a JSON array of items
 * with {@code id} (number), {@code title}, {@code content} (plain text), {@code publishAt} (ISO-8601 text),
 * {@code originCodes} (coin codes), {@code quickOrderCode}, {@code link}/{@code linkTitle} (the original
 * source) and vote counts. Public clients also accept the array wrapped as {@code {"list": [...]}}, so that is
 * read too; any other answer is {@code layout_changed}, naming what came instead. The fixture README names the
 * evidence for this shape.
 *
 * <p>Each item becomes a {@code news} payload: {@code item_id} the site's id, {@code url} the item's page
 * {@code https://coinness.com/news/<id>}, {@code published_at} {@code publishAt} in UTC ({@code published_text}
 * as sent), {@code keywords} the coin codes.
 */
final class CoinnessParser {
    static final String ARTICLE_BASE = "https://coinness.com/news/";

    private CoinnessParser() {
    }

    /**
     * The items of one feed answer.
     *
     * @param parsed usable payloads in feed order and rejected items
     * @param entries how many items the answer held, usable or not (an empty answer ends the pagination)
     * @param last the last item's {@code id} and {@code publishAt} as sent, to ask for the next page
     */
    record Page(Parsed<ObjectNode> parsed, int entries, Optional<Cursor> last) {
    }

    /** Where the next page starts: {@code lastId} and {@code lastAt}. */
    record Cursor(String lastId, String lastAt) {
    }

    static Page page(byte[] body, URI url) {
        JsonNode items;
        try {
            items = items(FeedJson.read(body, url + ": the feed answer"), url);
        } catch (MalformedRecordException e) {
            return new Page(Parsed.rejected(e.reason(), e.getMessage()), 0, Optional.empty());
        }
        List<ObjectNode> payloads = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                payloads.add(item(item, url).toPayload());
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
            }
        }
        return new Page(new Parsed<>(payloads, rejections), items.size(), cursor(items));
    }

    private static JsonNode items(JsonNode tree, URI url) throws MalformedRecordException {
        if (tree.isArray()) {
            return tree;
        }
        if (tree.isObject() && tree.path("list").isArray()) {
            return tree.get("list");
        }
        throw new MalformedRecordException("layout_changed", url + ": expected a JSON array of news items (or "
                + "{\"list\": [...]}), found " + FeedJson.describe(tree));
    }

    private static NewsItem item(JsonNode item, URI url) throws MalformedRecordException {
        if (!item.isObject()) {
            throw new MalformedRecordException("bad_field", url + ": an item is " + FeedJson.describe(item));
        }
        String id = FeedJson.id(item, url.toString());
        String where = url + " item " + id;
        String publishAt = FeedJson.text(item, "publishAt", where);
        OffsetDateTime published = FeedJson.utcTime(publishAt, "publishAt", where);
        Set<String> codes = new LinkedHashSet<>(FeedJson.texts(item, "originCodes", where));
        FeedJson.optionalText(item.get("quickOrderCode")).map(String::strip).ifPresent(codes::add);
        return new NewsItem(FeedJson.text(item, "title", where), Optional.of(ARTICLE_BASE + id),
                FeedJson.text(item, "content", where), Optional.of(published), Optional.of(publishAt.strip()),
                List.copyOf(codes), Optional.of(id));
    }

    private static Optional<Cursor> cursor(JsonNode items) {
        if (items.isEmpty()) {
            return Optional.empty();
        }
        JsonNode last = items.get(items.size() - 1);
        JsonNode id = last.get("id");
        Optional<String> at = FeedJson.optionalText(last.get("publishAt"));
        if (id == null || !(id.isIntegralNumber() || id.isTextual()) || at.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Cursor(id.asText(), at.get().strip()));
    }
}
