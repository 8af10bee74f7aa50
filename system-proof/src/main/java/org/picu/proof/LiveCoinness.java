package org.picu.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coinness, live: the breaking-news feed ({@code /coinness/feed/v1/breaking-news}) in the shape of the real one
 * (a JSON array of items with {@code id}, {@code title}, {@code content}, {@code publishAt} with the {@code +09:00}
 * offset, {@code originCodes}, ...; see worker-node's {@code fixtures/coinness/README.md}). Every answer announces
 * {@value #NEW_PER_LIST} new items and repeats the {@value #RELISTED} newest ones of earlier answers, as a feed
 * does, so the same item is crawled several times (by both workers): the cleaning job keeps one row per item URL
 * ({@code https://coinness.com/news/<id>}), and a re-crawl is not a duplicate. Every item of an answer is a served
 * record. Every eighth item has a one-letter headline: the spider keeps it, the cleaning job must reject it as
 * {@code bad_title}. The feed always answers its newest page (the proof's workers ask for one page per run).
 */
final class LiveCoinness implements LiveSite.Source {
    static final int NEW_PER_LIST = 2;
    static final int RELISTED = 2;
    static final String PATH = "/coinness/feed/v1/breaking-news";
    private static final int MALFORMED_EVERY = 8;
    private static final long FIRST_ID = 1_180_000;
    private static final ZoneOffset KST = ZoneOffset.ofHours(9);

    private final Map<Long, Instant> published = new HashMap<>();
    private long next = 1;

    @Override
    public String name() {
        return "coinness";
    }

    @Override
    public String prefix() {
        return "/coinness/";
    }

    @Override
    public LiveSite.Answer answer(String path) {
        if (!path.equals(PATH)) {
            return LiveSite.Answer.notFound();
        }
        for (int i = 0; i < NEW_PER_LIST; i++) {
            published.put(next++, Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS));
        }
        ArrayNode feed = JsonNodeFactory.instance.arrayNode();
        List<LiveSite.Item> served = new ArrayList<>();
        for (long n = next - 1; n >= Math.max(1, next - NEW_PER_LIST - RELISTED); n--) {
            feed.add(item(n, published.get(n)));
            served.add(new LiveSite.Item(NaturalKeys.newsByUrl("https://coinness.com/news/" + id(n)), !malformed(n)));
        }
        return new LiveSite.Answer(200, "application/json; charset=utf-8", feed.toString(), true, served);
    }

    private static ObjectNode item(long n, Instant at) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        item.put("id", id(n));
        item.put("categoryId", 1);
        item.put("title", malformed(n) ? NewsText.MALFORMED_TITLE : NewsText.title(n));
        item.put("content", NewsText.content(n, at));
        item.putNull("thumbnailImage");
        item.putNull("contentImage");
        item.put("quickOrderCode", NewsText.keyword(n));
        item.putNull("link");
        item.putNull("linkTitle");
        item.put("bull", 0);
        item.put("bear", 0);
        item.put("bullCount", 0);
        item.put("bearCount", 0);
        item.put("quoteCount", 0);
        item.putNull("isBull");
        item.put("isImportant", false);
        item.put("isObserve", false);
        item.put("publishAt", OffsetDateTime.ofInstant(at, KST).toString());
        item.put("commentCount", 0);
        item.put("isTranslated", false);
        item.putArray("originCodes").add(NewsText.keyword(n));
        return item;
    }

    private static long id(long n) {
        return FIRST_ID + n;
    }

    private static boolean malformed(long n) {
        return n % MALFORMED_EVERY == 0;
    }
}
