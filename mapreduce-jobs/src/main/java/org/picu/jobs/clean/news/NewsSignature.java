package org.picu.jobs.clean.news;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The news dedup key ({@code NewsArticle.id}, see {@code news.avsc}): the lower-case hex SHA-256 of the
 * normalised URL when the item has its own URL, else of {@code source|title|first 500 characters of
 * content}. Items without a URL therefore stay apart unless they really say the same thing (the original
 * collapsed every URL-less SaveTicker item of a day into one).
 */
final class NewsSignature {
    private static final int CONTENT_PREFIX = 500;

    private NewsSignature() {
    }

    static String of(String source, String title, String url, String content) {
        return of(source, title, url == null ? null : URI.create(url), content);
    }

    /** As {@link #of(String, String, String, String)}, with the URL already parsed by {@link #validUri}. */
    static String of(String source, String title, URI url, String content) {
        return url != null ? sha256(normalizeUrl(url)) : withoutUrl(source, title, content);
    }

    private static String withoutUrl(String source, String title, String content) {
        String body = content == null ? "" : content.substring(0, Math.min(CONTENT_PREFIX, content.length()));
        return sha256(source + '|' + title + '|' + body);
    }

    /**
     * The form two spellings of one page share: scheme and host lower-case, default port, fragment,
     * tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid}) and a trailing slash removed.
     * The caller has already checked that the URL parses.
     */
    static String normalizeUrl(String url) {
        return normalizeUrl(URI.create(url));
    }

    private static String normalizeUrl(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) {
            port = -1;
        }
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        StringBuilder s = new StringBuilder(scheme).append("://").append(u.getHost().toLowerCase(Locale.ROOT));
        if (port != -1) {
            s.append(':').append(port);
        }
        s.append(path);
        String query = withoutTracking(u.getRawQuery());
        if (!query.isEmpty()) {
            s.append('?').append(query);
        }
        return s.toString();
    }

    /** An http(s) URL with a host, or null: the original nulled anything that did not start with http(s). */
    static String validUrl(String raw) {
        URI u = validUri(raw);
        return u == null ? null : u.toString();
    }

    /**
     * {@link #validUrl} parsed, so that the signature does not parse it again; its {@code toString()} is the URL kept.
     */
    static URI validUri(String raw) {
        String s = raw.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || s.length() > 2048) {
            return null;
        }
        try {
            URI u = new URI(s);
            return u.getHost() == null ? null : u;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        StringJoiner kept = new StringJoiner("&");
        for (String param : query.split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !name.startsWith("utm_") && !name.equals("fbclid") && !name.equals("gclid")) {
                kept.add(param);
            }
        }
        return kept.toString();
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    });

    private static String sha256(String s) {
        return HexFormat.of().formatHex(SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
