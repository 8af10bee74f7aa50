package org.picu.jobs.clean.news;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.StringJoiner;
import org.picu.jobs.clean.Utf8Text;

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

    /** As {@link #of(String, String, URI, String)}; the texts are decoded only for an item without a URL. */
    static String of(String source, Utf8Text title, URI url, Utf8Text content) {
        return url != null
                ? sha256(normalizeUrl(url))
                : withoutUrl(source, title.toString(), content == null ? null : content.toString());
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

    /**
     * The normalised form ({@link #normalizeUrl}) of a URL of the common simple shape, found without
     * {@code java.net.URI}: scheme {@code http} or {@code https} and a host name in lower case, no user, port,
     * query, fragment or escape, a path (if any) of letters, digits, {@code - . _ ~} and slashes. Such a URL is
     * kept as it is ({@link #validUrl} returns it unchanged). Null for any other shape, which {@link #validUri}
     * and {@link #normalizeUrl} then decide; {@code NewsSignatureTest} holds the two ways to the same answers.
     * Parsing every item's URL was a twentieth of clean-news' CPU time.
     */
    static String simpleNormalized(String url) {
        int n = url.length();
        int i;
        if (url.startsWith("https://")) {
            i = 8;
        } else if (url.startsWith("http://")) {
            i = 7;
        } else {
            return null;
        }
        if (n > 2048) {
            return null;
        }
        // Host: dot-separated labels of [a-z0-9-], none starting or ending with '-', the last starting with a letter
        // (java.net.URI reads any other authority as a registry name, without a host).
        int labelStart = i;
        while (true) {
            int j = labelStart;
            while (j < n && isHostChar(url.charAt(j))) {
                j++;
            }
            if (j == labelStart || url.charAt(labelStart) == '-' || url.charAt(j - 1) == '-') {
                return null;
            }
            if (j < n && url.charAt(j) == '.') {
                labelStart = j + 1;
                continue;
            }
            char first = url.charAt(labelStart);
            if (first < 'a' || first > 'z') {
                return null;
            }
            i = j;
            break;
        }
        int pathStart = i;
        for (; i < n; i++) {
            char c = url.charAt(i);
            boolean pathChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '/' || c == '-' || c == '.' || c == '_' || c == '~';
            if (!pathChar) {
                return null;
            }
        }
        if (pathStart == n) {
            return url + "/";
        }
        if (url.charAt(pathStart) != '/') {
            return null;
        }
        return n - pathStart > 1 && url.charAt(n - 1) == '/' ? url.substring(0, n - 1) : url;
    }

    private static boolean isHostChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    /** The signature of an item with a URL, from its normalised form. */
    static String ofNormalizedUrl(String normalizedUrl) {
        return sha256(normalizedUrl);
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
