package org.picu.tier2.api.news;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.List;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /api/news/{id}/sentiment}: the lexicon sentiment of one news item. Unlike the original (200 with an
 * {@code error} field) an unknown item or one not analysed yet is a 404.
 */
public final class NewsSentimentHandler implements Handler {
    // primary key of news, then primary key of news_sentiment
    static final String SQL = "SELECT n.id, s.score, s.label, s.confidence, s.analyzed_at, s.lexicon_version "
            + "FROM news n JOIN news_sentiment s ON s.news_key = n.news_key WHERE n.id = ?";

    private final SqlReader sql;

    public NewsSentimentHandler(SqlReader sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        String text = request.pathParameter("id");
        if (!text.matches("[0-9]{1,18}")) {
            throw ApiException.badRequest("id", "id must be the positive whole number /api/news/latest gives");
        }
        List<NewsSentimentRepresentation> found = sql.list(SQL, row -> new NewsSentimentRepresentation(
                row.getLong("id"), ApiJson.number(row.getDouble("score")), row.getString("label"),
                ApiJson.number(row.getDouble("confidence")), ApiJson.timestamp(SqlReader.utc(row, "analyzed_at")),
                row.getString("lexicon_version")), Long.parseLong(text));
        if (found.isEmpty()) {
            throw ApiException.notFound(
                    "no sentiment for news " + text + ": the item does not exist or is not analysed yet");
        }
        return ApiResponse.ok(found.get(0));
    }
}
