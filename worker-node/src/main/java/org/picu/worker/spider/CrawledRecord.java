package org.picu.worker.spider;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import org.picu.model.RecordKind;

/**
 * A record as a spider produces it; the spool adds source, worker id and sequence number to make it a
 * {@link org.picu.model.RecordEnvelope}.
 *
 * @param kind what the payload describes
 * @param url the request the payload came from
 * @param crawledAt when that response arrived (UTC)
 * @param payload the source-specific fields
 */
public record CrawledRecord(RecordKind kind, String url, Instant crawledAt, ObjectNode payload) {
    public CrawledRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(crawledAt, "crawledAt");
        Objects.requireNonNull(payload, "payload");
    }
}
