package org.picu.worker.spider;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.picu.model.MalformedRecordException;

/**
 * Reads Coinness pages as the server sends them: the news list ({@code ul.news-list > li.news-item}, each
 * with a link to its article, a title, a {@code time} and tags, and an {@code a.next} link) and an article
 * page ({@code article.article} with {@code h1.article-title}, {@code time[datetime]},
 * {@code div.article-content} and {@code ul.tags}). Article content is plain text: the original stored the
 * content element's raw HTML.
 */
final class CoinnessParser {
    private CoinnessParser() {
    }

    /**
     * One entry of the list.
     *
     * @param url the article's own page
     * @param title the headline shown in the list
     * @param publishedText the time text shown in the list
     * @param keywords the tags shown in the list
     */
    record Entry(URI url, String title, String publishedText, List<String> keywords) {
    }

    /**
     * A list page: its entries, the next page if there is one, and entries that could not be used.
     */
    record ListPage(List<Entry> entries, Optional<URI> next, List<Rejection> rejections) {
    }

    static ListPage list(String html, URI pageUrl) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        Element list = page.selectFirst("ul.news-list");
        if (list == null) {
            return new ListPage(List.of(), Optional.empty(), List.of(new Rejection("layout_changed",
                    pageUrl + ": no ul.news-list; the list page's layout has changed")));
        }
        List<Entry> entries = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Element item : list.select("li.news-item")) {
            Element link = item.selectFirst("a[href]");
            String href = link == null ? "" : link.absUrl("href");
            Element title = item.selectFirst(".news-title");
            if (href.isEmpty()) {
                rejections.add(new Rejection("missing_field", pageUrl + ": a list entry has no article link: "
                        + brief(item.text())));
                continue;
            }
            Element time = item.selectFirst("time");
            entries.add(new Entry(URI.create(href), title == null ? "" : PageText.squash(title.text()),
                    time == null ? "" : PageText.squash(time.text()), tags(item)));
        }
        Element next = page.selectFirst("a.next[href]");
        Optional<URI> nextUrl = next == null || next.absUrl("href").isEmpty() ? Optional.empty()
                : Optional.of(URI.create(next.absUrl("href")));
        return new ListPage(entries, nextUrl, rejections);
    }

    /**
     * The news item of an article page; title and date fall back to what the list showed.
     *
     * @throws MalformedRecordException {@code layout_changed} without an article element,
     *     {@code missing_field} without title or text, {@code bad_field} for an unreadable date
     */
    static NewsItem article(String html, Entry entry) throws MalformedRecordException {
        Document page = Jsoup.parse(html, entry.url().toString());
        Element article = page.selectFirst("article.article");
        if (article == null) {
            throw new MalformedRecordException("layout_changed", entry.url() + ": no article.article element");
        }
        Element h1 = article.selectFirst("h1.article-title");
        String title = h1 == null ? entry.title() : PageText.squash(h1.text());
        Element body = article.selectFirst("div.article-content");
        String content = body == null ? "" : PageText.of(body);
        Element time = article.selectFirst("time[datetime]");
        Optional<OffsetDateTime> publishedAt = Optional.empty();
        String publishedText = entry.publishedText();
        if (time != null) {
            try {
                publishedAt = Optional.of(OffsetDateTime.parse(time.attr("datetime").strip()));
                publishedText = time.text().isBlank() ? publishedText : PageText.squash(time.text());
            } catch (DateTimeParseException e) {
                throw new MalformedRecordException("bad_field", entry.url() + ": datetime '" + time.attr("datetime")
                        + "' is not ISO-8601 with an offset");
            }
        }
        Set<String> keywords = new LinkedHashSet<>(entry.keywords());
        keywords.addAll(tags(article));
        String id = entry.url().getPath().replaceAll(".*/", "");
        return new NewsItem(title, Optional.of(entry.url().toString()), content, publishedAt,
                Optional.of(publishedText).filter(t -> !t.isEmpty()), List.copyOf(keywords),
                Optional.of(id).filter(s -> !s.isEmpty()));
    }

    private static List<String> tags(Element scope) {
        Set<String> tags = new LinkedHashSet<>();
        for (Element tag : scope.select(".tags li, .tag")) {
            String t = PageText.squash(tag.text()).replaceFirst("^#", "").strip();
            if (t.length() > 1) {
                tags.add(t);
            }
        }
        return List.copyOf(tags);
    }

    private static String brief(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
