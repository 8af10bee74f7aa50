package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Relative times as boards write them, against a crawl at 2026-11-21T03:05:30.250Z. */
class RelativeTimeTest {
    private static final Instant CRAWLED_AT = Instant.parse("2026-11-21T03:05:30.250Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "15분 전          | 2026-11-21T02:50:30Z",
            "3시간 전         | 2026-11-21T00:05:30Z",
            "2일 전           | 2026-11-19T03:05:30Z",
            "1주 전           | 2026-11-14T03:05:30Z",
            "2개월 전         | 2026-09-21T03:05:30Z",
            "30초 전          | 2026-11-21T03:05:00Z",
            "약 3 시간 전     | 2026-11-21T00:05:30Z",
            "방금 전          | 2026-11-21T03:05:30Z",
            "어제             | 2026-11-20T03:05:30Z",
            "15 minutes ago   | 2026-11-21T02:50:30Z",
            "3 hours ago      | 2026-11-21T00:05:30Z",
            "2 days ago       | 2026-11-19T03:05:30Z",
            "1 week ago       | 2026-11-14T03:05:30Z",
            "2 months ago     | 2026-09-21T03:05:30Z",
            "an hour ago      | 2026-11-21T02:05:30Z",
            "5 mins ago       | 2026-11-21T03:00:30Z",
            "Updated 2 Hours Ago | 2026-11-21T01:05:30Z",
            "just now         | 2026-11-21T03:05:30Z",
            "Yesterday        | 2026-11-20T03:05:30Z"})
    void relativeTextBecomesAUtcTime(String text, String expected) {
        assertEquals(Optional.of(OffsetDateTime.parse(expected)), RelativeTime.parse(text, CRAWLED_AT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nov 20", "2026.11.20", "조회 1,204", "", "ago", "3 apples ago"})
    void other_text_is_not_a_relative_time(String text) {
        assertEquals(Optional.empty(), RelativeTime.parse(text, CRAWLED_AT));
    }
}
