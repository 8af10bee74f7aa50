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

    /**
     * The field's JSON string as a copy of the line's UTF-8 bytes when the reader kept them (a string without
     * escapes, whose bytes are its text), else null, and the rules read {@link #get}. The tree keeps none.
     */
    default Utf8Text utf8(String field) {
        return null;
    }

    /** Whether the field is present and not JSON null (as {@code ObjectNode.hasNonNull}). */
    default boolean hasNonNull(String field) {
        JsonNode v = get(field);
        return v != null && !v.isNull();
    }
}
