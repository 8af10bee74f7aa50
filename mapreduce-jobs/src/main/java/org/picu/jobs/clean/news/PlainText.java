package org.picu.jobs.clean.news;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text rules for news fields: markup removed (the original stored raw HTML as content), entities
 * decoded, control characters dropped and every run of whitespace collapsed to one space.
 */
final class PlainText {
    private static final Pattern LOOKS_LIKE_MARKUP = Pattern.compile("<\\s*[a-zA-Z!/]");
    private static final Pattern INVISIBLE_BLOCKS = Pattern.compile("(?is)<(script|style|noscript)\\b.*?</\\1\\s*>");
    private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
    private static final Pattern BLOCK_TAG =
            Pattern.compile("(?i)</?(p|div|br|li|h[1-6]|tr|td|section|article)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

    private PlainText() {
    }

    /** Plain text with collapsed whitespace; never null for a non-null input. */
    static String of(String raw) {
        String s = raw;
        // Markup needs a '<'; most text has none, and indexOf is far cheaper than starting a matcher.
        if (s.indexOf('<') >= 0 && LOOKS_LIKE_MARKUP.matcher(s).find()) {
            s = INVISIBLE_BLOCKS.matcher(s).replaceAll(" ");
            s = COMMENT.matcher(s).replaceAll(" ");
            // Block tags separate words; inline tags (b, a, span) do not.
            s = BLOCK_TAG.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) {
            s = decodeEntities(s);
        }
        return collapse(s);
    }

    /**
     * One pass instead of two regular expressions (this runs on every title, keyword and up to 50,000
     * characters of content): runs of whitespace, including no-break and ideographic spaces, become one
     * space; other control characters are dropped; leading and trailing space is trimmed.
     */
    static String collapse(String s) {
        StringBuilder out = null;
        boolean pendingSpace = false;
        int n = s.length();
        // A char[] copy: String.charAt on non-Latin-1 text keeps a bounds check per character in this loop.
        char[] chars = s.toCharArray();
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (isPlain(c)) {
                // Neither white space nor a control character: by far the most common case.
                if (out != null) {
                    if (pendingSpace) {
                        out.append(' ');
                        pendingSpace = false;
                    }
                    out.append(c);
                }
                continue;
            }
            if (c == ' ' && out == null && i > 0 && i < n - 1 && isPlain(chars[i + 1])) {
                // One space between words of clean text (the next character is neither space nor control).
                continue;
            }
            boolean space = isSpace(c);
            boolean drop = !space && Character.isISOControl(c);
            if (out == null) {
                // Stay on the fast path while the text is already clean.
                boolean clean = !drop
                        && !(space
                                && (c != ' ' || i == 0 || i == n - 1 || chars[i + 1] == ' ' || isSpace(chars[i + 1])));
                if (clean) {
                    continue;
                }
                out = new StringBuilder(n);
                out.append(chars, 0, i);
                if (i > 0 && chars[i - 1] == ' ') {
                    // The fast path kept a single space before this character; it joins this run instead,
                    // so "a \u0001 b" gives "a b", not two spaces.
                    out.setLength(i - 1);
                    pendingSpace = true;
                }
            }
            if (space) {
                pendingSpace = out.length() > 0;
            } else if (!drop) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        if (out == null) {
            return s;
        }
        // A space the fast path kept can end up last when only dropped characters followed it.
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** Printable ASCII other than the space, or a character above U+3000 other than U+FEFF (Hangul, CJK). */
    private static boolean isPlain(char c) {
        return (c > ' ' && c < '\u007F') || (c > '\u3000' && c != '\uFEFF');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF'
                || (c >= '\u001C' && c <= '\u001F') || c == '\u0085' || c == '\u1680';
    }

    /** At most {@code max} characters, never splitting a surrogate pair. */
    static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end).trim();
    }

    private static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(entity(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return " ";
            default:
                int cp = name.startsWith("#x") || name.startsWith("#X")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : "";
        }
    }
}
