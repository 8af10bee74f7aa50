package org.picu.tier2.api.news;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/news/latest}: the original's shape; {@code published_at} is UTC ISO-8601 or null; {@code language}
 * ({@code ko}, {@code en}) and {@code sentiment} are null until known.
 */
public record NewsLatestRepresentation(List<Item> news) {
    /** One news item; {@code id} is the stable number {@code /api/news/{id}/sentiment} takes. */
    public record Item(long id, String source, String title, String url,
            @JsonProperty("published_at") String publishedAt, List<String> keywords, String language,
            Sentiment sentiment) {
    }

    /** The sentiment job's verdict on an item: {@code positive}, {@code negative} or {@code neutral}, score -1..1. */
    public record Sentiment(String label, BigDecimal score) {
    }
}
