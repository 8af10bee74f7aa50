package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
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
 * Splits the SaveTicker news board ({@code section.news-board > div.news-card}) into one {@code news} item per
 * card. Each item keeps its own identity: {@code item_id} is the card's {@code data-news-id}, or a hash of
 * title and body when the card has none, and {@code url} is the card's own link (absent without one) — never
 * the board's address, which made the original collapse every run to one item (its defect §9.2).
 * {@code published_at} comes from the card's relative time ("3시간 전", "2 days ago") against the crawl time.
 */
final class SaveTickerParser {
    private SaveTickerParser() {
    }

    static Parsed<ObjectNode> board(String html, URI pageUrl, Instant crawledAt, int maxItems) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        Element board = page.selectFirst("section.news-board");
        if (board == null) {
            return Parsed.rejected("layout_changed", pageUrl + ": no section.news-board; the board's layout has changed");
        }
        List<ObjectNode> items = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Element card : board.select("div.news-card")) {
            if (items.size() >= maxItems) {
                break;
            }
            try {
                items.add(card(card, crawledAt).toPayload());
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), pageUrl + ": " + e.getMessage()));
            }
        }
        return new Parsed<>(items, rejections);
    }

    private static NewsItem card(Element card, Instant crawledAt) {
        String title = text(card.selectFirst(".news-card__title"));
        Element bodyElement = card.selectFirst(".news-card__body");
        String body = bodyElement == null ? "" : PageText.of(bodyElement);
        String timeText = text(card.selectFirst(".news-card__time"));
        Element link = card.selectFirst("a[href]");
        Optional<String> url = link == null || link.absUrl("href").isEmpty() ? Optional.empty()
                : Optional.of(link.absUrl("href"));
        String siteId = card.attr("data-news-id").strip();
        String id = siteId.isEmpty() ? ContentId.of("st", title, body) : siteId;
        Set<String> keywords = new LinkedHashSet<>();
        for (Element tag : card.select(".news-card__tags li")) {
            String t = PageText.squash(tag.text()).replaceFirst("^[#$]", "");
            if (t.length() > 1) {
                keywords.add(t);
            }
        }
        return new NewsItem(title, url, body, RelativeTime.parse(timeText, crawledAt),
                Optional.of(timeText).filter(t -> !t.isEmpty()), List.copyOf(keywords), Optional.of(id));
    }

    private static String text(Element element) {
        return element == null ? "" : PageText.squash(element.text());
    }
}
