package org.picu.jobs.clean.news;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.model.IsoTimes;

/**
 * {@code published_at} in UTC. An ISO-8601 time with an offset or epoch milliseconds is converted; a time
 * without a zone or an unreadable one becomes null (never guessed, and never the crawl time, which the
 * original stored as publication time for SaveTicker and Perplexity). When the site only shows relative
 * text ("3시간 전", "5 minutes ago"), the time is derived from it and the crawl time. A time more than a
 * day after the crawl is a site's bad clock and becomes null.
 */
final class PublishedTime {
    private static final Pattern KOREAN = Pattern.compile("(\\d{1,4})\\s*(초|분|시간|일|주|개월|달|년)\\s*전");
    private static final Pattern ENGLISH =
            Pattern.compile("(\\d{1,4}|an?)\\s*(sec|second|min|minute|hr|hour|day|week|month|year)s?\\s+ago");
    private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private PublishedTime() {
    }

    /** @param value {@code published_at} as given, may be null; must be text or a number (checked by the caller) */
    static Long of(JsonNode value, String relativeText, Instant crawledAt) {
        Instant t = absolute(value);
        if (t == null && relativeText != null) {
            t = relative(relativeText, crawledAt);
        }
        if (t == null || t.isAfter(crawledAt.plus(MAX_CLOCK_SKEW))) {
            return null;
        }
        return t.toEpochMilli();
    }

    private static Instant absolute(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return Instant.ofEpochMilli(v.asLong());
        }
        try {
            return IsoTimes.offsetDateTime(v.asText().trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Instant relative(String text, Instant crawledAt) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("방금") || s.equals("just now")) {
            return crawledAt;
        }
        if (s.equals("어제") || s.equals("yesterday")) {
            return crawledAt.minus(Duration.ofDays(1));
        }
        Matcher k = KOREAN.matcher(s);
        if (k.find()) {
            return crawledAt.minus(amount(Long.parseLong(k.group(1)), k.group(2)));
        }
        Matcher e = ENGLISH.matcher(s);
        if (e.find()) {
            long n = e.group(1).startsWith("a") ? 1 : Long.parseLong(e.group(1));
            return crawledAt.minus(amount(n, e.group(2)));
        }
        return null;
    }

    private static Duration amount(long n, String unit) {
        return switch (unit) {
            case "초", "sec", "second" -> Duration.ofSeconds(n);
            case "분", "min", "minute" -> Duration.ofMinutes(n);
            case "시간", "hr", "hour" -> Duration.ofHours(n);
            case "일", "day" -> Duration.ofDays(n);
            case "주", "week" -> Duration.ofDays(7 * n);
            case "개월", "달", "month" -> Duration.ofDays(30 * n);
            default -> Duration.ofDays(365 * n);
        };
    }
}
