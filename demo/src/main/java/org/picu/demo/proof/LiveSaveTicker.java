package org.picu.demo.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SaveTicker news board, live: every board answer shows {@value #NEW_PER_BOARD} new cards and the newest card
 * of the previous answer again. Every third card has no link of its own, so the cleaning job keys it by content
 * ({@code saveticker|title|content}); the others are keyed by their URL. Every tenth card (always one with a link)
 * has a one-letter headline, which the cleaning job must reject as {@code bad_title}. The whole board is one
 * answer: every card on it is a served record.
 */
final class LiveSaveTicker implements LiveSite.Source {
    static final int NEW_PER_BOARD = 3;
    private static final int MALFORMED_EVERY = 10;

    private final String baseUrl;
    private final Map<Long, Instant> published = new HashMap<>();
    private long next = 1;

    LiveSaveTicker(String baseUrl) {
        this.baseUrl = baseUrl;
    }

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
        if (!path.equals("/saveticker/news")) {
            return LiveSite.Answer.notFound();
        }
        List<Long> shown = new ArrayList<>();
        for (long n = next + NEW_PER_BOARD - 1; n >= Math.max(1, next - 1); n--) {
            shown.add(n);
        }
        for (int i = 0; i < NEW_PER_BOARD; i++) {
            published.put(next++, Instant.now());
        }
        StringBuilder html = new StringBuilder("<html><body><section class=\"news-board\">\n");
        List<LiveSite.Item> items = new ArrayList<>();
        for (long n : shown) {
            boolean linked = n % 3 != 0;
            boolean ok = !(linked && n % MALFORMED_EVERY == 0);
            String title = ok ? NewsText.title(n) : NewsText.MALFORMED_TITLE;
            String body = NewsText.content(n, published.get(n));
            String url = baseUrl + "/saveticker/news/" + n;
            html.append("<div class=\"news-card\">");
            if (linked) {
                html.append("<a href=\"").append(url).append("\"><h3 class=\"news-card__title\">").append(title).append("</h3></a>");
            } else {
                html.append("<h3 class=\"news-card__title\">").append(title).append("</h3>");
            }
            html.append("<div class=\"news-card__body\">").append(body).append("</div><span class=\"news-card__time\">방금 전</span>")
                    .append("<ul class=\"news-card__tags\"><li>#").append(NewsText.keyword(n)).append("</li></ul></div>\n");
            items.add(new LiveSite.Item(linked ? NaturalKeys.newsByUrl(url) : NaturalKeys.newsWithoutUrl(name(), title, body), ok));
        }
        html.append("</section></body></html>\n");
        return new LiveSite.Answer(200, "text/html; charset=utf-8", html.toString(), true, items);
    }
}
