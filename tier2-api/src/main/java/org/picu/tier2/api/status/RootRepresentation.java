package org.picu.tier2.api.status;

/** {@code GET /}: the original API's greeting, with our version. */
public record RootRepresentation(String message, String version, String status) {
}
