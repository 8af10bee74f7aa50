package org.picu.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordKind;

/**
 * A cleaned dataset whose records the live site served, with where its natural key ({@link NaturalKeys}) is found
 * in MariaDB, in the published Parquet and in a rejected raw line.
 */
enum CheckedDataset {
    MARKET_TICKS("market_ticks", "market_trends", BuiltInSource.namesOf(RecordKind.MARKET_TICK),
            "SELECT symbol, `timestamp` FROM market_trends WHERE source = 'upbit'") {
        @Override
        String key(ResultSet row) throws SQLException {
            return NaturalKeys.market(row.getString(1), millis(row, 2));
        }

        @Override
        String key(GenericRecord row) {
            return NaturalKeys.market(row.get("symbol").toString(), (Long) row.get("timestamp"));
        }

        @Override
        String rejectKey(JsonNode envelope) {
            JsonNode payload = envelope.path("payload");
            return NaturalKeys.market(
                    payload.path("symbol").asText(),
                    Instant.parse(payload.path("timestamp").asText()).toEpochMilli());
        }
    },
    NEWS("news", "news", BuiltInSource.namesOf(RecordKind.NEWS), "SELECT news_key FROM news") {
        @Override
        String key(ResultSet row) throws SQLException {
            return row.getString(1);
        }

        @Override
        String key(GenericRecord row) {
            return row.get("id").toString();
        }

        @Override
        String rejectKey(JsonNode envelope) {
            JsonNode payload = envelope.path("payload");
            return payload.hasNonNull("url") ? NaturalKeys.newsByUrl(payload.path("url").asText())
                    : NaturalKeys.newsWithoutUrl(envelope.path("source").asText(), payload.path("title").asText(),
                    payload.path("content").asText());
        }
    },
    FEAR_GREED(
            "fear_greed",
            "fear_greed_index",
            BuiltInSource.namesOf(RecordKind.FEAR_GREED),
            "SELECT `timestamp` FROM fear_greed_index") {
        @Override
        String key(ResultSet row) throws SQLException {
            return NaturalKeys.fearGreed(millis(row, 1));
        }

        @Override
        String key(GenericRecord row) {
            return NaturalKeys.fearGreed((Long) row.get("timestamp"));
        }

        @Override
        String rejectKey(JsonNode envelope) {
            return NaturalKeys.fearGreed(
                    Instant.parse(envelope.path("payload").path("timestamp").asText())
                            .toEpochMilli());
        }
    };

    /** Datasets derived from these, with their tables: published and loaded whole is all that is checked of them. */
    static final List<List<String>> DERIVED = List.of(
            List.of("candles_1h", "candles"),
            List.of("news_sentiment", "news_sentiment"),
            List.of("indicators", "technical_indicators"),
            List.of("insights", "crypto_insights"));

    /** Every dataset the proof sees published and the table it is loaded into. */
    static java.util.Map<String, String> tables() {
        java.util.Map<String, String> tables = new java.util.LinkedHashMap<>();
        for (CheckedDataset d : values()) {
            tables.put(d.dataset, d.table);
        }
        DERIVED.forEach(dt -> tables.put(dt.get(0), dt.get(1)));
        return tables;
    }

    final String dataset;
    final String table;
    final List<String> sources;
    final String keySql;

    CheckedDataset(String dataset, String table, List<String> sources, String keySql) {
        this.dataset = dataset;
        this.table = table;
        this.sources = sources;
        this.keySql = keySql;
    }

    /** The natural key of a row of {@link #keySql}. */
    abstract String key(ResultSet row) throws SQLException;

    /** The natural key of a published Parquet row. */
    abstract String key(GenericRecord row);

    /** The natural key of a rejected raw line (the envelope as the worker wrote it). */
    abstract String rejectKey(JsonNode envelope);

    private static long millis(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
