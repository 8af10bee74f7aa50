package org.picu.tier2.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.picu.tier2.config.Secret;

/**
 * Checks the {@code Authorization: Bearer <token>} header of state-changing requests against {@code api.token}.
 * Both sides are hashed first and compared with {@link MessageDigest#isEqual}, so the time taken reveals neither
 * the length nor a matching prefix of the token. With no token configured every such request is refused.
 */
final class BearerToken {
    private static final String PREFIX = "Bearer ";

    private final byte[] expectedHash;

    BearerToken(Secret token) {
        this.expectedHash = token == null || token.isEmpty() ? null : sha256(token.value());
    }

    /** @throws ApiException 401 if the header is missing or wrong; the message never echoes what was sent */
    void check(Optional<String> authorization) {
        if (expectedHash == null) {
            throw ApiException.unauthorized("this endpoint changes state and the server has no api.token configured; "
                    + "set api.token or PICU_API_TOKEN on the server");
        }
        String header = authorization.orElse("");
        boolean bearer = header.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
        byte[] given = sha256(bearer ? header.substring(PREFIX.length()).trim() : "");
        if (!MessageDigest.isEqual(expectedHash, given) || !bearer) {
            throw ApiException.unauthorized("this endpoint changes state: send Authorization: Bearer <api.token>");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
