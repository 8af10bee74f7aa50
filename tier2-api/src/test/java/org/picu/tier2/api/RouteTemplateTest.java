package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {
    private final RouteTemplate sentiment = new RouteTemplate("/api/news/{id}/sentiment");

    @Test
    void a_parameter_segment_matches_one_decoded_segment() {
        assertEquals(Optional.of(Map.of("id", "42")), sentiment.match("/api/news/42/sentiment"));
        assertEquals(Optional.of(Map.of("id", "a b+c/")), sentiment.match("/api/news/a%20b+c%2F/sentiment"),
                "'+' stays a plus in a path; an encoded slash stays inside the segment");
    }

    @Test
    void literal_segments_count_and_trailing_slashes_must_match() {
        assertTrue(sentiment.match("/api/news/42").isEmpty());
        assertTrue(sentiment.match("/api/news/42/sentiment/").isEmpty());
        assertTrue(sentiment.match("/api/news//sentiment").isEmpty(), "an empty segment is no value");
        assertTrue(sentiment.match("/api/NEWS/42/sentiment").isEmpty());
        assertFalse(new RouteTemplate("/health").hasParameters());
        assertTrue(sentiment.hasParameters());
    }

    @Test
    void broken_percent_encoding_is_a_400() {
        ApiException e = assertThrows(ApiException.class, () -> sentiment.match("/api/news/%G1/sentiment"));
        assertEquals(400, e.status());
    }
}
