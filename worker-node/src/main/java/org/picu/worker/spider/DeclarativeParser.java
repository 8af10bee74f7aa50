package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.picu.model.MalformedRecordException;
import org.picu.worker.config.DeclarativeSourceConfig;

/** Applies a {@link DeclarativeSourceConfig}'s selectors to one list page. */
final class DeclarativeParser {
    private DeclarativeParser() {
    }

    /**
     * @param items the page's items as payloads, and the rejected ones
     * @param next the next list page, if the config names a next selector and the page has one
     */
    record Page(Parsed<ObjectNode> items, Optional<URI> next) {
    }

    static Page page(String html, URI pageUrl, Instant crawledAt, DeclarativeSourceConfig source) {
        Document page = Jsoup.parse(html, pageUrl.toString());
        List<Element> elements = page.select(source.item());
        if (elements.isEmpty()) {
            return new Page(Parsed.rejected("no_items", pageUrl + ": item selector '" + source.item()
                    + "' matched nothing; the page is empty or its layout has changed"), Optional.empty());
        }
        List<ObjectNode> items = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Element element : elements) {
            try {
                items.add(item(element, crawledAt, source).toPayload());
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), source.name() + " " + pageUrl + ": " + e.getMessage()));
            }
        }
        Optional<URI> next = source.next().map(page::selectFirst).map(a -> a.absUrl("href"))
                .filter(u -> !u.isEmpty()).map(URI::create);
        return new Page(new Parsed<>(items, rejections), next);
    }

    private static NewsItem item(Element element, Instant crawledAt, DeclarativeSourceConfig source)
            throws MalformedRecordException {
        Element titleElement = element.selectFirst(source.title());
        String title = titleElement == null ? "" : PageText.squash(titleElement.text());
        Element bodyElement = element.selectFirst(source.body());
        String body = bodyElement == null ? "" : PageText.of(bodyElement);
        Optional<String> url = Optional.empty();
        if (source.link().isPresent()) {
            Element link = element.selectFirst(source.link().get());
            String href = link == null ? "" : link.absUrl("href");
            if (href.isEmpty()) {
                throw new MalformedRecordException("missing_field", "no link for '" + title + "' ("
                        + source.link().get() + " with an href)");
            }
            url = Optional.of(href);
        }
        Optional<String> dateText = Optional.empty();
        Optional<OffsetDateTime> publishedAt = Optional.empty();
        if (source.date().isPresent()) {
            Element date = element.selectFirst(source.date().get());
            String raw = date == null ? "" : PageText.squash(source.dateAttribute().map(date::attr).orElse(date.text()));
            if (raw.isEmpty()) {
                throw new MalformedRecordException("missing_field", "no date for '" + title + "' ("
                        + source.date().get() + ")");
            }
            // published_text is what a reader sees; the machine-readable attribute only feeds published_at.
            String shown = PageText.squash(date.text());
            dateText = Optional.of(shown.isEmpty() ? raw : shown);
            publishedAt = Optional.of(date(raw, crawledAt, source));
        }
        String id = url.orElseGet(() -> ContentId.of(source.name(), title, PageText.squash(body)));
        return new NewsItem(title, url, body, publishedAt, dateText, List.of(), Optional.of(id));
    }

    static OffsetDateTime date(String text, Instant crawledAt, DeclarativeSourceConfig source)
            throws MalformedRecordException {
        String format = source.dateFormat();
        if (format.equals(DeclarativeSourceConfig.RELATIVE)) {
            return RelativeTime.parse(text, crawledAt).orElseThrow(() -> new MalformedRecordException("bad_field",
                    "date '" + text + "' is not a relative time such as '3시간 전' or '2 days ago'"));
        }
        try {
            if (format.equals(DeclarativeSourceConfig.ISO)) {
                return OffsetDateTime.parse(text);
            }
            TemporalAccessor parsed = DateTimeFormatter.ofPattern(format, Locale.ENGLISH).parse(text);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                return OffsetDateTime.from(parsed);
            }
            LocalDateTime local = parsed.isSupported(ChronoField.HOUR_OF_DAY)
                    ? LocalDateTime.from(parsed) : LocalDate.from(parsed).atStartOfDay();
            return ZonedDateTime.of(local, source.zone()).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new MalformedRecordException("bad_field", "date '" + text + "' does not match '" + format + "'");
        }
    }
}
