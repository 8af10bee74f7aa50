package org.picu.proof;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The natural keys the pipeline promises per dataset, computed here on their own from what the live site served
 * (not with the cleaning jobs' code, which is what the proof checks):
 *
 * <ul>
 *   <li>market ticks: symbol and exchange timestamp ({@code market_trends}' key, the source is always upbit);</li>
 *   <li>news: {@code news.news_key}, the SHA-256 of the article's normalised URL, or of
 *       {@code source|title|first 500 characters of content} for an item without a URL (mapreduce-jobs README,
 *       clean-news). The live site writes URLs already in normal form (lower-case host, explicit port, no
 *       trailing slash or tracking parameters) and plain single-spaced text, so normalising changes nothing;</li>
 *   <li>Fear &amp; Greed: the index's own timestamp ({@code fear_greed_index}' key).</li>
 * </ul>
 */
final class NaturalKeys {
    private NaturalKeys() {
    }

    static String market(String symbol, long timestampMillis) {
        return symbol + "@" + timestampMillis;
    }

    static String newsByUrl(String url) {
        return sha256(url);
    }

    static String newsWithoutUrl(String source, String title, String content) {
        return sha256(source + '|' + title + '|' + content.substring(0, Math.min(500, content.length())));
    }

    static String fearGreed(long timestampMillis) {
        return Long.toString(timestampMillis);
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
