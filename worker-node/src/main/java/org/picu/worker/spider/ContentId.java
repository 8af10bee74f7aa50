package org.picu.worker.spider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A stable id for an item whose site gives it none: a hash of what the item says, so a re-crawl gets the same id. */
final class ContentId {
    private ContentId() {
    }

    /** {@code <prefix>-} and the first 16 hex digits of SHA-256 over the parts joined by a newline. */
    static String of(String prefix, String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return prefix + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
