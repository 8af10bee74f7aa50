package org.picu.tier2.api.news;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.picu.tier2.api.ApiException;
import org.picu.tier2.api.ApiJson;
import org.picu.tier2.api.ApiRequest;
import org.picu.tier2.api.ApiResponse;
import org.picu.tier2.api.Handler;
import org.picu.tier2.api.SqlReader;

/**
 * {@code GET /api/news/latest?limit=&source=}: newest first by publication time (items without one last), at most
 * {@code limit} (1-100, default 50; larger values are lowered to 100), optionally of one source; each item with its
 * language and, once the sentiment job has scored it, its sentiment label and score.
 */
public final class NewsLatestHandler implements Handler {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 100;
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9_.-]{1,50}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS =
            "SELECT n.id, n.source, n.title, n.url, n.published_at, n.keywords, n.language, "
                    + "s.label, s.score FROM news n LEFT JOIN news_sentiment s ON s.news_key = n.news_key ";
    // ix_news_published / ix_news_source_published end in the primary key, so both orders are index order; the
    // sentiment is one primary-key lookup per item returned
    static final String ALL = COLUMNS + "ORDER BY n.published_at DESC, n.id DESC LIMIT ?";
    static final String BY_SOURCE = COLUMNS + "WHERE n.source = ? ORDER BY n.published_at DESC, n.id DESC LIMIT ?";

    private final SqlReader sql;

    public NewsLatestHandler(SqlReader sql) {
        this.sql = requireNonNull(sql, "sql is null");
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws SQLException {
        int limit = request.query().intInRange("limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        Optional<String> source = request.query().get("source").map(String::trim);
        if (source.isPresent() && !SOURCE.matcher(source.get()).matches()) {
            throw ApiException.badRequest("source", "source must be a source name such as coinness "
                    + "(lower-case letters, digits, '_', '-', '.')");
        }
        List<NewsLatestRepresentation.Item> items = source.isPresent()
                ? sql.list(BY_SOURCE, NewsLatestHandler::read, source.get(), limit)
                : sql.list(ALL, NewsLatestHandler::read, limit);
        return ApiResponse.ok(new NewsLatestRepresentation(items));
    }

    private static NewsLatestRepresentation.Item read(ResultSet row) throws SQLException {
        String label = row.getString("label");
        NewsLatestRepresentation.Sentiment sentiment = label == null ? null
                : new NewsLatestRepresentation.Sentiment(label, ApiJson.number(row.getDouble("score")));
        return new NewsLatestRepresentation.Item(row.getLong("id"), row.getString("source"), row.getString("title"),
                row.getString("url"), ApiJson.timestamp(SqlReader.utc(row, "published_at")),
                keywords(row.getString("keywords")), row.getString("language"), sentiment);
    }

    static List<String> keywords(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(json, String[].class));
        } catch (IOException e) {
            return List.of(); // the loader writes arrays of strings; anything else is shown as no keywords
        }
    }
}
