package org.picu.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One crawled record as it travels from a spider through the spool to HDFS {@code /raw}.
 *
 * <p>{@code (workerId, seq)} identifies a record uniquely: each worker numbers its records with a
 * monotonic sequence that survives restarts, so a re-upload can be recognised by the sequence range
 * in the file name.
 *
 * @param schemaVersion envelope version, {@link #CURRENT_SCHEMA_VERSION} for records written now
 * @param source the spider that produced the record, e.g. {@code upbit}
 * @param kind what the payload describes
 * @param crawledAt when the worker fetched the page (UTC)
 * @param workerId the worker that crawled it
 * @param seq the worker's sequence number for this record
 * @param url the page or API address the payload came from
 * @param payload the source-specific fields
 */
public record RecordEnvelope(
        int schemaVersion,
        String source,
        RecordKind kind,
        Instant crawledAt,
        String workerId,
        long seq,
        String url,
        ObjectNode payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** Source names and worker ids appear in file and directory names, so they are kept to a safe alphabet. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

    public RecordEnvelope {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(crawledAt, "crawledAt");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(payload, "payload");
        requireName("source", source);
        requireName("workerId", workerId);
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
    }

    static void requireName(String what, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + NAME.pattern()
                    + " (lower-case letters, digits, '_' and '-', at most 40 characters)");
        }
    }
}
