package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PlainTextTest {
    @Test
    void collapse_gives_what_the_rule_says_on_random_text() {
        String alphabet = "ab 한글 \t\n\r\u00A0\u3000\uFEFF\u0001\u0000\u2003\u0085\u001Fz.";
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(12);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = b.toString();
            assertEquals(byTheRule(text), PlainText.collapse(text), "on '" + text + "'");
        }
    }

    @Test
    void a_dropped_control_character_between_two_spaces_leaves_one_space() {
        assertEquals("a b", PlainText.collapse("a \u0001 b"));
        assertEquals("a b", PlainText.collapse("a \u0000\u0001 b"));
        assertEquals("a b", PlainText.collapse("a \u0001\tb"));
        assertEquals("a b", PlainText.collapse("a\u0001 b"));
    }

    /**
     * The rule written the slow, obvious way (the reference): white space, including no-break and ideographic
     * spaces, separates words by one space; other control characters are dropped; nothing leads or trails.
     */
    private static String byTheRule(String s) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        for (char c : s.toCharArray()) {
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (!Character.isISOControl(c)) {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
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
        assertEquals(
                "Title Para one and bold & more",
                PlainText.of(
                        "<h1>Title</h1><p>Para one</p><!-- ad --><p>and <b>bold</b> &amp; more</p><style>p{}</style>"));
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
