package org.picu.worker.spider;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.picu.model.MalformedRecordException;

/**
 * Reads the SaveTicker news API. Top stories ({@code /api/news/top-stories}) and list pages
 * ({@code /api/news/list}) answer {@code {"news_list": [...], ...}}, each item with {@code id} (digits as text),
 * {@code title}, {@code content} (a short preview), {@code source}, {@code created_at} (ISO-8601 with the
 * {@code +09:00} offset) and {@code tag_names}; the detail ({@code /api/news/detail/<id>}) answers
 * {@code {"news": {...}}} whose {@code content} is the full text as blocks ({@code [{"type": "text",
 * "content": "..."}]}). The fixture README names the evidence for these shapes.
 *
 * <p>A record: {@code item_id} the site's id, {@code url} {@code https://www.saveticker.com/news/<id>},
 * {@code content} the detail's text blocks one per line, {@code published_at} {@code created_at} in UTC
 * ({@code published_text} as sent), {@code keywords} the tag names.
 */
final class SaveTickerParser {
    static final String ARTICLE_BASE = "https://www.saveticker.com/news/";

    private SaveTickerParser() {
    }

    /**
     * A listed item, checked: its id, list fields and where it was listed.
     *
     * @param listedAt the top-stories or list request it came from
     */
    record Entry(String id, String title, String preview, OffsetDateTime createdAt, String createdText,
                 List<String> tags, URI listedAt) {
    }

    /**
     * One list answer.
     *
     * @param entries usable entries in list order
     * @param rejections unusable entries, or the whole answer
     * @param size how many items the answer held, usable or not
     * @param readable whether the answer was a news list at all
     */
    record ListPage(List<Entry> entries, List<Rejection> rejections, int size, boolean readable) {
    }

    /** Reads a top-stories or list answer. */
    static ListPage list(byte[] body, URI url) {
        JsonNode items;
        try {
            JsonNode tree = FeedJson.read(body, url + ": the news list");
            items = tree.path("news_list");
            if (!items.isArray()) {
                throw new MalformedRecordException("layout_changed", url + ": expected {\"news_list\": [...]}, found "
                        + FeedJson.describe(tree));
            }
        } catch (MalformedRecordException e) {
            return new ListPage(List.of(), List.of(new Rejection(e.reason(), e.getMessage())), 0, false);
        }
        List<Entry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (JsonNode item : items) {
            try {
                entries.add(entry(item, url));
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), e.getMessage()));
            }
        }
        return new ListPage(entries, rejections, items.size(), true);
    }

    private static Entry entry(JsonNode item, URI url) throws MalformedRecordException {
        if (!item.isObject()) {
            throw new MalformedRecordException("bad_field", url + ": an item is " + FeedJson.describe(item));
        }
        String id = FeedJson.id(item, url.toString());
        String where = url + " item " + id;
        String created = FeedJson.text(item, "created_at", where);
        OffsetDateTime createdAt = FeedJson.utcTime(created, "created_at", where);
        return new Entry(id, FeedJson.text(item, "title", where), FeedJson.text(item, "content", where), createdAt,
                created.strip(), FeedJson.texts(item, "tag_names", where), url);
    }

    /**
     * The record of an entry with the full text of its detail answer.
     *
     * @throws MalformedRecordException {@code bad_json} or {@code layout_changed} for an answer that is not a
     *     detail, {@code deleted} for an item the site has deleted, {@code missing_field}/{@code bad_field} for
     *     an item without usable title, text or time
     */
    static NewsItem withDetail(Entry entry, byte[] body, URI url) throws MalformedRecordException {
        JsonNode tree = FeedJson.read(body, url + ": the news detail");
        JsonNode news = tree.path("news");
        if (!news.isObject() || news.isEmpty()) {
            throw new MalformedRecordException("layout_changed", url + ": expected {\"news\": {...}}, found "
                    + FeedJson.describe(tree));
        }
        if (news.path("is_deleted").asBoolean(false)) {
            throw new MalformedRecordException("deleted", url + ": item " + entry.id() + " is deleted");
        }
        JsonNode blocks = news.get("content");
        if (blocks == null || !blocks.isArray()) {
            throw new MalformedRecordException("layout_changed", url + ": content is " + FeedJson.describe(blocks)
                    + ", not an array of text blocks");
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode block : blocks) {
            String type = block.path("type").asText("text");
            if (type.equals("text") && block.path("content").isTextual()) {
                String line = PageText.squash(block.get("content").asText());
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        String title = FeedJson.text(news, "title", url.toString());
        List<String> tags = entry.tags().isEmpty() ? FeedJson.texts(news, "tag_names", url.toString()) : entry.tags();
        return item(entry, title.isBlank() ? entry.title() : title, String.join("\n", lines), tags);
    }

    private static NewsItem item(Entry entry, String title, String content, List<String> tags) {
        List<String> keywords = tags.stream().map(t -> t.replaceFirst("^#", "").strip()).filter(t -> !t.isEmpty())
                .distinct().toList();
        return new NewsItem(title, Optional.of(ARTICLE_BASE + entry.id()), content, Optional.of(entry.createdAt()),
                Optional.of(entry.createdText()), keywords, Optional.of(entry.id()));
    }
}
