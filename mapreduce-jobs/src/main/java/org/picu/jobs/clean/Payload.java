package org.picu.jobs.clean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record's payload as the cleaning rules read it, field by field: the envelope's whole tree
 * ({@code envelope.payload()::get}) or the fields a mapper read straight from the line ({@link PayloadFields}).
 */
@FunctionalInterface
public interface Payload {
    /** The field's node, or null when the payload has no such field (as {@code ObjectNode.get}). */
    JsonNode get(String field);

    /** Whether the field is present and not JSON null (as {@code ObjectNode.hasNonNull}). */
    default boolean hasNonNull(String field) {
        JsonNode v = get(field);
        return v != null && !v.isNull();
    }
}
