package org.picu.demo.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coinness, live: every list page ({@code ul.news-list}) announces {@value #NEW_PER_LIST} new articles and lists
 * the {@value #RELISTED} newest ones of earlier pages again, as a news list does, so the same article is crawled
 * several times (by both workers): the cleaning job keeps one row per article URL, and a re-crawl is not a
 * duplicate. Each article page served is a served record, keyed by its URL. Every eighth article has a one-letter
 * headline: the spider keeps it, the cleaning job must reject it as {@code bad_title}.
 */
final class LiveCoinness implements LiveSite.Source {
    static final int NEW_PER_LIST = 2;
    static final int RELISTED = 2;
    private static final int MALFORMED_EVERY = 8;

    private final String baseUrl;
    private final Map<Long, Instant> published = new HashMap<>();
    private long next = 1;

    LiveCoinness(String baseUrl) {
        this.baseUrl = baseUrl;
    }

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
        if (path.equals("/coinness/news")) {
            return list();
        }
        if (path.startsWith("/coinness/article/")) {
            try {
                return article(Long.parseLong(path.substring("/coinness/article/".length())));
            } catch (NumberFormatException e) {
                return LiveSite.Answer.notFound();
            }
        }
        return LiveSite.Answer.notFound();
    }

    private LiveSite.Answer list() {
        List<Long> shown = new ArrayList<>();
        for (long n = next + NEW_PER_LIST - 1; n >= Math.max(1, next - RELISTED); n--) {
            shown.add(n);
        }
        for (int i = 0; i < NEW_PER_LIST; i++) {
            published.put(next++, Instant.now().minusSeconds(30));
        }
        StringBuilder html = new StringBuilder("<html><body><ul class=\"news-list\">\n");
        for (long n : shown) {
            html.append("<li class=\"news-item\"><a href=\"/coinness/article/").append(n).append("\"><span class=\"news-title\">")
                    .append(title(n)).append("</span></a><time>1분 전</time><ul class=\"tags\"><li>#")
                    .append(NewsText.keyword(n)).append("</li></ul></li>\n");
        }
        html.append("</ul></body></html>\n");
        return new LiveSite.Answer(200, "text/html; charset=utf-8", html.toString(), true, List.of());
    }

    private LiveSite.Answer article(long n) {
        Instant at = published.get(n);
        if (at == null) {
            return LiveSite.Answer.notFound();
        }
        String html = "<html><body><article class=\"article\"><h1 class=\"article-title\">" + title(n) + "</h1>"
                + "<time datetime=\"" + at + "\">" + at + "</time><div class=\"article-content\"><p>"
                + NewsText.content(n, at) + "</p></div><ul class=\"tags\"><li>#" + NewsText.keyword(n)
                + "</li></ul></article></body></html>\n";
        String url = baseUrl + "/coinness/article/" + n;
        return new LiveSite.Answer(200, "text/html; charset=utf-8", html, false,
                List.of(new LiveSite.Item(NaturalKeys.newsByUrl(url), !malformed(n))));
    }

    private static boolean malformed(long n) {
        return n % MALFORMED_EVERY == 0;
    }

    private static String title(long n) {
        return malformed(n) ? NewsText.MALFORMED_TITLE : NewsText.title(n);
    }
}
