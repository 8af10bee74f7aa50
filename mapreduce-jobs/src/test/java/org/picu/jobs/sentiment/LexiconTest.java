package org.picu.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LexiconTest {
    @Test
    void the_built_in_lexicon_parses_and_has_both_languages() {
        Lexicon lexicon = Lexicon.builtIn();
        assertTrue(lexicon.size() > 150);
        assertEquals(-1.0, lexicon.get("폭락").weight());
        assertEquals(1.0, lexicon.get("all time high").weight());
        assertEquals(Lexicon.Kind.NEGATOR_AFTER, lexicon.get("않").kind());
        assertTrue(lexicon.version().startsWith("lexicon-"));
    }

    @Test
    void an_operator_file_extends_and_overrides_and_changes_the_version() {
        Lexicon base = Lexicon.parse("moon\t1.0\n# comment\n\nrug pull\t-1.0\n", "base");
        Lexicon extended = base.with("Moon\t0.5\n김프\t0.3\n", "extra.tsv");
        assertEquals(0.5, extended.get("moon").weight());
        assertEquals(0.3, extended.get("김프").weight());
        assertEquals(-1.0, extended.get("rug pull").weight());
        assertEquals(2, extended.maxWords());
        assertNull(base.get("김프"));
        assertNotEquals(base.version(), extended.version());
    }

    @Test
    void every_bad_line_is_reported_with_its_number() {
        Lexicon.InvalidLexiconException e = assertThrows(Lexicon.InvalidLexiconException.class,
                () -> Lexicon.parse("good\t0.5\nbad weight\tx\nloud\t5\nodd\t1.2\tbooster\nlonely\n", "extra.tsv"));
        assertTrue(e.getMessage().contains("extra.tsv line 2: weight 'x' is not a number"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3: term weight 5.0 must be in -1..1"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4: kind 'booster'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 5: has 1 tab-separated columns"), e.getMessage());
    }
}
