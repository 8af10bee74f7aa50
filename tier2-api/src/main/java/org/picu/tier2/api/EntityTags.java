package org.picu.tier2.api;

/**
 * {@code If-None-Match} as RFC 9110 §13.1.2 defines it: {@code *} or a comma-separated list of entity tags, each
 * strong ({@code "x"}) or weak ({@code W/"x"}), compared weakly (only the opaque part counts). A header that does
 * not parse matches nothing, so the client gets the full answer rather than a wrong 304.
 */
final class EntityTags {
    private EntityTags() {
    }

    /**
     * @return true if {@code ifNoneMatch} names {@code current} (an entity tag as sent in {@code ETag}), i.e. the
     *     condition fails and a GET is answered 304
     */
    static boolean noneMatchFails(String ifNoneMatch, String current) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        if (ifNoneMatch.strip().equals("*")) {
            return true;
        }
        String wanted = opaque(current);
        int at = 0;
        int length = ifNoneMatch.length();
        while (at < length) {
            char c = ifNoneMatch.charAt(at);
            if (c == ' ' || c == '\t' || c == ',') {
                at++;
                continue;
            }
            if (ifNoneMatch.startsWith("W/", at)) {
                at += 2;
            }
            if (at >= length || ifNoneMatch.charAt(at) != '"') {
                return false; // not an entity tag: the list is malformed
            }
            int close = ifNoneMatch.indexOf('"', at + 1);
            if (close < 0) {
                return false;
            }
            if (ifNoneMatch.substring(at, close + 1).equals(wanted)) {
                return true;
            }
            at = close + 1;
        }
        return false;
    }

    /** The quoted part of an entity tag, without a {@code W/} prefix. */
    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
