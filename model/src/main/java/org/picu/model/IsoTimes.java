package org.picu.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * ISO-8601 times as the envelope codec and the cleaning rules read them, with a fast path for the one shape the
 * spiders write ({@code 2026-11-21T03:00:05Z}, {@code 2026-11-21T12:00:05.123+09:00}). The JDK's formatters cost
 * several microseconds a call, about a tenth of a cleaning job's CPU at N = 1M; every other shape (lower-case
 * {@code t}/{@code z}, no seconds, {@code 24:00}, offsets with seconds, out-of-range fields) goes to the JDK
 * parser unchanged, so the result and every error are exactly the JDK's.
 */
public final class IsoTimes {
    private IsoTimes() {
    }

    /**
     * {@link Instant#parse}.
     *
     * @throws java.time.format.DateTimeParseException as {@link Instant#parse}
     */
    public static Instant instant(CharSequence text) {
        Instant fast = strict(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * {@code OffsetDateTime.parse(text).toInstant()}.
     *
     * @throws java.time.format.DateTimeParseException as {@link OffsetDateTime#parse}
     */
    public static Instant offsetDateTime(CharSequence text) {
        Instant fast = strict(text);
        return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:MM)} with every field in range, or null for anything else.
     * Both JDK parsers agree on this shape, so one fast path serves both.
     */
    static Instant strict(CharSequence s) {
        int n = s.length();
        if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && i - start < 9 && isDigit(s.charAt(i))) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int fractionDigits = i - start;
            if (fractionDigits == 0 || (i < n && isDigit(s.charAt(i)))) {
                return null;
            }
            for (int k = fractionDigits; k < 9; k++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offsetSeconds = 0;
        } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if (oh < 0 || om < 0 || oh > 17 || om > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    private static int digits(CharSequence s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
