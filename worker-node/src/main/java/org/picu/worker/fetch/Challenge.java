package org.picu.worker.fetch;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Recognises a Cloudflare bot check instead of the page.
 *
 * <p>Cloudflare marks every challenge response with {@code cf-mitigated: challenge} ("challenge is the only
 * valid value", developers.cloudflare.com, "Detect a Challenge Page response"); it comes with 403 or 503. The
 * page itself is recognised by markers that only challenge pages carry: the inline {@code window._cf_chl_opt}
 * configuration, or the title "Just a moment..." together with a {@code /cdn-cgi/challenge-platform/}
 * script. A bare {@code challenge-platform} reference is not enough: Cloudflare's bot management injects
 * {@code /cdn-cgi/challenge-platform/scripts/jsd/main.js} into ordinary pages too; nor is the word
 * "cloudflare" (content-security-policy headers name its CDN). Only the first 64 KiB of a body are looked at.
 */
final class Challenge {
    static final int SCAN_BYTES = 64 * 1024;

    private Challenge() {
    }

    /** Why the answer is a challenge, or empty when it is not one. */
    static Optional<String> detect(int status, HttpHeaders headers, byte[] body) {
        Optional<String> mitigated = headers.firstValue("cf-mitigated");
        if (mitigated.isPresent() && mitigated.get().trim().equalsIgnoreCase("challenge")) {
            return Optional.of("HTTP " + status + " with cf-mitigated: challenge");
        }
        return detectMarkup(body).map(m -> "HTTP " + status + " with a Cloudflare challenge page (" + m + ")");
    }

    /** The marker that makes this markup a challenge page, or empty. */
    static Optional<String> detectMarkup(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        String head = new String(body, 0, Math.min(body.length, SCAN_BYTES), StandardCharsets.UTF_8);
        if (head.contains("_cf_chl_opt")) {
            return Optional.of("_cf_chl_opt");
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("<title>just a moment...</title>") && lower.contains("/cdn-cgi/challenge-platform/h/")) {
            return Optional.of("'Just a moment...' with /cdn-cgi/challenge-platform/h/");
        }
        return Optional.empty();
    }
}
