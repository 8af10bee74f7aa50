package org.picu.worker.spider;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a relative time as boards show it ("3시간 전", "2 days ago", "방금 전", "yesterday") and turns it into
 * a UTC time against the crawl time. Months are calendar months, weeks seven days.
 */
final class RelativeTime {
    private static final Pattern KOREAN = Pattern.compile("(\\d+)\\s*(초|분|시간|일|주|개월|달|년)\\s*전");
    private static final Pattern ENGLISH = Pattern.compile(
            "\\b(\\d+|an?)\\s*(seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago");
    private static final Pattern NOW = Pattern.compile("방금\\s*(전)?|just now|now");
    private static final Pattern YESTERDAY = Pattern.compile("어제|yesterday");

    private RelativeTime() {
    }

    /** The time the text stands for, truncated to the second; empty when the text is not a relative time. */
    static Optional<OffsetDateTime> parse(String text, Instant crawledAt) {
        if (text == null) {
            return Optional.empty();
        }
        String t = PageText.squash(text).toLowerCase(Locale.ROOT);
        OffsetDateTime now = crawledAt.atOffset(ZoneOffset.UTC).withNano(0);
        Matcher k = KOREAN.matcher(t);
        if (k.find()) {
            return Optional.of(minus(now, Long.parseLong(k.group(1)), k.group(2)));
        }
        Matcher e = ENGLISH.matcher(t);
        if (e.find()) {
            long n = e.group(1).startsWith("a") ? 1 : Long.parseLong(e.group(1));
            return Optional.of(minus(now, n, e.group(2)));
        }
        if (NOW.matcher(t).matches()) {
            return Optional.of(now);
        }
        if (YESTERDAY.matcher(t).matches()) {
            return Optional.of(now.minusDays(1));
        }
        return Optional.empty();
    }

    private static OffsetDateTime minus(OffsetDateTime now, long n, String unit) {
        return switch (unit.replaceAll("s$", "")) {
            case "초", "second", "sec" -> now.minusSeconds(n);
            case "분", "minute", "min" -> now.minusMinutes(n);
            case "시간", "hour", "hr" -> now.minusHours(n);
            case "일", "day" -> now.minusDays(n);
            case "주", "week" -> now.minusWeeks(n);
            case "개월", "달", "month" -> now.minusMonths(n);
            case "년", "year" -> now.minusYears(n);
            default -> throw new IllegalStateException("unit " + unit + " is in the pattern but not here");
        };
    }
}
