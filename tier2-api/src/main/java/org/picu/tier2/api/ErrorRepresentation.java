package org.picu.tier2.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: a message for people and, for a bad parameter, the parameter's name.
 * It never carries exception text, SQL or stack traces.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorRepresentation(String error, String field) {
    public static ErrorRepresentation of(String error) {
        return new ErrorRepresentation(error, null);
    }
}
