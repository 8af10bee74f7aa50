package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void collapse_gives_what_the_third_rounds_collapse_gave_on_random_text() {
        String alphabet = "ab 한글 \t\n\r\u00A0\u3000\uFEFF\u0001\u0000\u2003\u0085\u001Fz.";
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertEquals(previousCollapse(text), PlainText.collapse(text), "on '" + text + "'");
        }
    }

    /** {@code PlainText.collapse} before the fast path for one space between words (the reference). */
    private static String previousCollapse(String s) {
        StringBuilder out = null;
        boolean pendingSpace = false;
        int n = s.length();
        char[] chars = s.toCharArray();
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if ((c > ' ' && c < '\u007F') || (c > '\u3000' && c != '\uFEFF')) {
                if (out != null) {
                    if (pendingSpace) {
                        out.append(' ');
                        pendingSpace = false;
                    }
                    out.append(c);
                }
                continue;
            }
            boolean space = isSpace(c);
            boolean drop = !space && Character.isISOControl(c);
            if (out == null) {
                boolean clean = !drop && !(space && (c != ' ' || i == 0 || i == n - 1 || chars[i + 1] == ' ' || isSpace(chars[i + 1])));
                if (clean) {
                    continue;
                }
                out = new StringBuilder(n);
                out.append(chars, 0, i);
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
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B')
                || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000' || c == '\uFEFF'
                || (c >= '\u001C' && c <= '\u001F') || c == '\u0085' || c == '\u1680';
    }

    @Test
    void whitespace_of_every_kind_collapses_to_one_space_and_is_trimmed() {
        assertEquals("a b c", PlainText.of("  a \t\n b\u00A0\u3000c  "));
        assertEquals("already clean", PlainText.of("already clean"));
        assertEquals("ab", PlainText.of("a\u0000b"));
        assertEquals("a", PlainText.of("a \u0001"));
        assertEquals("", PlainText.of(" \n "));
    }

    @Test
    void markup_is_removed_block_tags_separate_words_and_entities_are_decoded() {
        assertEquals("Title Para one and bold & more",
                PlainText.of("<h1>Title</h1><p>Para one</p><!-- ad --><p>and <b>bold</b> &amp; more</p><style>p{}</style>"));
        assertEquals("5 < 6 \"q\" '", PlainText.of("5 &lt; 6 &quot;q&quot; &#39;"));
        assertEquals("€", PlainText.of("&#x20AC;"));
        assertEquals("a < b", PlainText.of("a < b"), "a lone '<' that opens no tag is text");
    }

    @Test
    void cutting_never_splits_a_surrogate_pair() {
        String s = "ab\uD83D\uDE00cd";
        assertEquals("ab", PlainText.cut(s, 3));
        assertEquals("ab\uD83D\uDE00", PlainText.cut(s, 4));
    }
}
