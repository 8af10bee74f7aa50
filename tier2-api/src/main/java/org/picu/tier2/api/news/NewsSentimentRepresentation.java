package org.picu.tier2.api.news;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** {@code GET /api/news/{id}/sentiment}: the original's fields plus the lexicon version that produced them. */
public record NewsSentimentRepresentation(
        @JsonProperty("news_id") long newsId,
        @JsonProperty("sentiment_score") BigDecimal sentimentScore,
        @JsonProperty("sentiment_label") String sentimentLabel,
        BigDecimal confidence,
        @JsonProperty("analyzed_at") String analyzedAt,
        @JsonProperty("lexicon_version") String lexiconVersion) {
}
