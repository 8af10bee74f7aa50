package org.picu.worker.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of {@code sources.declarative}: a news source described by CSS selectors (an HTML list page) or
 * by JSON Pointers (a JSON feed, RFC 6901) instead of Java.
 *
 * <p>HTML: every selector but {@code item} and {@code next} is applied inside one item element. JSON:
 * {@code item} points at the array of items in the answer (empty pointer: the answer is the array), every
 * other pointer is taken inside one item; {@code next} and {@code date-attribute} do not apply.
 *
 * @param name the source name (records, file names, {@code crawl <name>}); must not be a built-in source
 * @param startUrl the first list page
 * @param item selects each news item on a list page
 * @param title selects the title inside an item (its text)
 * @param link selects the link inside an item (its {@code href}); absent when items have no own page
 * @param date selects the date inside an item; absent when the site shows none
 * @param dateAttribute read the date from this attribute of the date element (e.g. {@code datetime})
 *     instead of its text; absent to use the text
 * @param dateFormat {@code iso} (ISO-8601 with offset), {@code relative} ("3시간 전", "2 days ago") or a
 *     {@link java.time.format.DateTimeFormatter} pattern such as {@code yyyy.MM.dd HH:mm}
 * @param zone the zone of dates written without an offset
 * @param body selects the text inside an item
 * @param next selects the "next page" link on a list page; absent for a single page
 * @param maxPages list pages read per run, at most
 * @param format {@link #HTML} (CSS selectors) or {@link #JSON} (JSON Pointers)
 * @param render read HTML pages through the headless browser (client-rendered sites)
 */
public record DeclarativeSourceConfig(String name, URI startUrl, String item, String title, Optional<String> link,
                                      Optional<String> date, Optional<String> dateAttribute, String dateFormat,
                                      ZoneId zone, String body, Optional<String> next, int maxPages, String format,
                                      boolean render) {
    public static final String ISO = "iso";
    public static final String RELATIVE = "relative";
    /** Dates as a number (or numeric text) of seconds since the epoch, UTC. */
    public static final String EPOCH_SECONDS = "epoch-seconds";
    /** Dates as a number (or numeric text) of milliseconds since the epoch, UTC. */
    public static final String EPOCH_MILLIS = "epoch-millis";
    public static final String HTML = "html";
    public static final String JSON = "json";
    public static final int DEFAULT_MAX_PAGES = 1;
    public static final int MAX_PAGES = 20;

    public DeclarativeSourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(dateAttribute, "dateAttribute");
        Objects.requireNonNull(dateFormat, "dateFormat");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(format, "format");
    }

    /** An HTML source read without the browser. */
    public DeclarativeSourceConfig(String name, URI startUrl, String item, String title, Optional<String> link,
                                   Optional<String> date, Optional<String> dateAttribute, String dateFormat,
                                   ZoneId zone, String body, Optional<String> next, int maxPages) {
        this(
                name,
                startUrl,
                item,
                title,
                link,
                date,
                dateAttribute,
                dateFormat,
                zone,
                body,
                next,
                maxPages,
                HTML,
                false);
    }

    public boolean json() {
        return format.equals(JSON);
    }

    public DeclarativeSourceConfig withStartUrl(URI url) {
        return new DeclarativeSourceConfig(name, url, item, title, link, date, dateAttribute, dateFormat, zone, body,
                next, maxPages, format, render);
    }
}
