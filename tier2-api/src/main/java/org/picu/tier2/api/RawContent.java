package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

/** A body that is sent byte for byte with its own content type instead of being serialised as JSON. */
public record RawContent(String contentType, byte[] bytes) {
    public RawContent {
        requireNonNull(contentType, "contentType is null");
        requireNonNull(bytes, "bytes is null");
    }
}
