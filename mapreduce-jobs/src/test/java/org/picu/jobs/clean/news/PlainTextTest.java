package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainTextTest {
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
