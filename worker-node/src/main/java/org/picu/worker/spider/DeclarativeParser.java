package org.picu.worker.spider;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

/** Applies a {@link DeclarativeSourceConfig}'s selectors to one list page, or its JSON Pointers to one feed answer. */
final class DeclarativeParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DeclarativeParser() {
    }

    /**
     * Reads one answer of a JSON feed: the array at {@code item}, and in each element the fields at
     * {@code title}, {@code body}, {@code link} and {@code date}. Strings are used as text (HTML tags and
     * entities in a body are reduced to its text), numbers as their decimal text; a field that is missing, null, an
     * object or an
     * array rejects the item. An answer that is not JSON is {@code bad_json}; one without an array at
     * {@code item} is {@code layout_changed}, naming the keys it has; an empty array is {@code no_items}.
     */
    static Parsed<ObjectNode> feed(byte[] body, URI url, Instant crawledAt, DeclarativeSourceConfig source) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Parsed.rejected("bad_json", source.name() + " " + url + ": not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Parsed.rejected("bad_json", source.name() + " " + url + ": unreadable: " + e.getMessage());
        }
        JsonNode list = tree == null ? null : tree.at(JsonPointer.compile(source.item()));
        if (list == null || !list.isArray()) {
            return Parsed.rejected(Rejection.LAYOUT_CHANGED, source.name() + " " + url + ": no array at '"
                    + source.item() + "'; the answer has " + shape(tree));
        }
        if (list.isEmpty()) {
            return Parsed.rejected("no_items", source.name() + " " + url + ": the array at '" + source.item()
                    + "' is empty");
        }
        List<ObjectNode> items = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        int index = 0;
        for (JsonNode element : list) {
            try {
                items.add(jsonItem(element, crawledAt, source).toPayload());
            } catch (MalformedRecordException e) {
                rejections.add(new Rejection(e.reason(), source.name() + " " + url + " item " + index + ": "
                        + e.getMessage()));
            }
            index++;
        }
        return new Parsed<>(items, rejections);
    }

    private static String shape(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            return "nothing";
        }
        if (tree.isObject()) {
            List<String> keys = new ArrayList<>();
            tree.fieldNames().forEachRemaining(keys::add);
            return "the keys " + keys;
        }
        return "a " + tree.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static NewsItem jsonItem(JsonNode element, Instant crawledAt, DeclarativeSourceConfig source)
            throws MalformedRecordException {
        if (!element.isObject()) {
            throw new MalformedRecordException("bad_field", "an item is a " + element.getNodeType().toString()
                    .toLowerCase(Locale.ROOT) + ", not an object");
        }
        String title = PageText.squash(text(element, source.title(), "title"));
        String rawBody = text(element, source.body(), "body");
        // Feeds carry HTML in text fields (tags, or entities such as &#8230;): keep only the text.
        String body = rawBody.indexOf('<') >= 0 || rawBody.indexOf('&') >= 0
                ? PageText.of(Jsoup.parseBodyFragment(rawBody).body()) : rawBody;
        Optional<String> url = Optional.empty();
        if (source.link().isPresent()) {
            url = Optional.of(text(element, source.link().get(), "link").strip());
        }
        Optional<String> dateText = Optional.empty();
        Optional<OffsetDateTime> publishedAt = Optional.empty();
        if (source.date().isPresent()) {
            String raw = text(element, source.date().get(), "date").strip();
            dateText = Optional.of(raw);
            publishedAt = Optional.of(date(raw, crawledAt, source));
        }
        String id = url.orElseGet(() -> ContentId.of(source.name(), title, PageText.squash(body)));
        return new NewsItem(title, url, body, publishedAt, dateText, List.of(), Optional.of(id));
    }

    /** The text at a pointer inside an item: a string, or a number's decimal text. */
    private static String text(JsonNode element, String pointer, String field) throws MalformedRecordException {
        JsonNode value = element.at(JsonPointer.compile(pointer));
        if (value.isMissingNode() || value.isNull()) {
            throw new MalformedRecordException("missing_field", field + " (" + pointer + ") is missing");
        }
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.bigIntegerValue().toString() : value.decimalValue().toPlainString();
        }
        throw new MalformedRecordException("bad_field", field + " (" + pointer + ") is a "
                + value.getNodeType().toString().toLowerCase(Locale.ROOT) + ", not text");
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
            String raw = date == null
                    ? ""
                    : PageText.squash(source.dateAttribute().map(date::attr).orElse(date.text()));
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
        if (format.equals(DeclarativeSourceConfig.EPOCH_SECONDS)
                || format.equals(DeclarativeSourceConfig.EPOCH_MILLIS)) {
            try {
                long n = Long.parseLong(text.strip());
                Instant at = format.equals(DeclarativeSourceConfig.EPOCH_SECONDS) ? Instant.ofEpochSecond(n)
                        : Instant.ofEpochMilli(n);
                return at.atOffset(java.time.ZoneOffset.UTC);
            } catch (NumberFormatException | DateTimeException e) {
                throw new MalformedRecordException("bad_field", "date '" + text + "' is not a whole number of "
                        + (format.equals(DeclarativeSourceConfig.EPOCH_SECONDS) ? "seconds" : "milliseconds")
                        + " since 1970");
            }
        }
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
