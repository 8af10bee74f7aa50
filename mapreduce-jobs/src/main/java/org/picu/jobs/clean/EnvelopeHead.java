package org.picu.jobs.clean;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

/**
 * A raw line's envelope fields (schema version 1) as the streaming reader found them: what the cleaning
 * rules read of a {@link RecordEnvelope}, when the payload's fields were read into a {@link PayloadFields}
 * instead of a tree.
 *
 * @param payload the payload tree, or null when its fields were read into a {@link PayloadFields}
 */
public record EnvelopeHead(String source, RecordKind kind, Instant crawledAt, String workerId, long seq, String url,
                           ObjectNode payload) {
}
