package org.picu.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SaveTicker news API, live, in the shape of the real one (see worker-node's
 * {@code fixtures/saveticker/README.md}). {@code /saveticker/api/news/top-stories} answers
 * {@code {"news_list": [...]}} with {@value #NEW_PER_BOARD} new items and the newest item of the previous answer
 * again, each with a short preview; {@code /saveticker/api/news/list} answers 404 as the real list does since it
 * was retired, so every run exercises the spider's fallback to the top stories; {@code
 * /saveticker/api/news/detail/<id>}
 * answers {@code {"news": {...}}} with the full text as blocks. A detail answer is the served record, keyed by the
 * item's page {@code https://www.saveticker.com/news/<id>}. Every tenth item has a one-letter headline, which the
 * cleaning job must reject as {@code bad_title}.
 */
final class LiveSaveTicker implements LiveSite.Source {
    static final int NEW_PER_BOARD = 3;
    private static final String DETAIL = "/saveticker/api/news/detail/";
    private static final int MALFORMED_EVERY = 10;
    private static final long FIRST_ID = 160_000;
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private final Map<Long, Instant> published = new HashMap<>();
    private long next = 1;

    @Override
    public String name() {
        return "saveticker";
    }

    @Override
    public String prefix() {
        return "/saveticker/";
    }

    @Override
    public LiveSite.Answer answer(String path) {
        if (path.equals("/saveticker/api/news/top-stories")) {
            return topStories();
        }
        if (path.equals("/saveticker/api/news/list")) {
            return new LiveSite.Answer(404, "application/json", "{\"detail\":\"Not Found\"}", false, List.of());
        }
        if (path.startsWith(DETAIL)) {
            try {
                return detail(Long.parseLong(path.substring(DETAIL.length())) - FIRST_ID);
            } catch (NumberFormatException e) {
                return LiveSite.Answer.notFound();
            }
        }
        return LiveSite.Answer.notFound();
    }

    private LiveSite.Answer topStories() {
        long previousNewest = next - 1;
        for (int i = 0; i < NEW_PER_BOARD; i++) {
            published.put(next++, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (long n = next - 1; n >= Math.max(1, previousNewest); n--) {
            ObjectNode item = list.addObject();
            fields(item, n);
            String content = NewsText.content(n, published.get(n));
            item.put("content", content.substring(0, Math.min(83, content.length())) + "...");
            item.put("is_deleted", false);
        }
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("news_list", list);
        return new LiveSite.Answer(200, "application/json; charset=utf-8", root.toString(), true, List.of());
    }

    private LiveSite.Answer detail(long n) {
        Instant at = published.get(n);
        if (at == null) {
            return LiveSite.Answer.notFound();
        }
        ObjectNode news = JsonNodeFactory.instance.objectNode();
        fields(news, n);
        news.putArray("content").addObject().put("type", "text").put("content", NewsText.content(n, at));
        news.put("is_deleted", false);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("news", news);
        String url = "https://www.saveticker.com/news/" + (FIRST_ID + n);
        return new LiveSite.Answer(200, "application/json; charset=utf-8", root.toString(), false,
                List.of(new LiveSite.Item(NaturalKeys.newsByUrl(url), !malformed(n))));
    }

    private void fields(ObjectNode item, long n) {
        item.put("id", Long.toString(FIRST_ID + n));
        item.put("title", malformed(n) ? NewsText.MALFORMED_TITLE : NewsText.title(n));
        item.put("source", "연합");
        item.put("created_at", OffsetDateTime.ofInstant(published.get(n), KST).toString());
        item.putArray("tag_names").add(NewsText.keyword(n));
    }

    private static boolean malformed(long n) {
        return n % MALFORMED_EVERY == 0;
    }
}
