package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EntityTagsTest {
    private static final String CURRENT = "W/\"abc\"";

    @Test
    void a_listed_tag_matches_weakly_whatever_its_prefix_and_position() {
        assertTrue(EntityTags.noneMatchFails("W/\"abc\"", CURRENT));
        assertTrue(EntityTags.noneMatchFails("\"abc\"", CURRENT), "weak comparison ignores W/");
        assertTrue(EntityTags.noneMatchFails("\"x\", W/\"abc\"", CURRENT));
        assertTrue(EntityTags.noneMatchFails("\"x\",\"y\" ,\t\"abc\"", CURRENT));
        assertTrue(EntityTags.noneMatchFails("\"a,b\", \"abc\"", CURRENT), "a comma inside a tag is part of it");
        assertTrue(EntityTags.noneMatchFails(" * ", CURRENT));
    }

    @Test
    void anything_else_does_not_match() {
        assertFalse(EntityTags.noneMatchFails(null, CURRENT));
        assertFalse(EntityTags.noneMatchFails("", CURRENT));
        assertFalse(EntityTags.noneMatchFails("\"abcd\", \"ab\"", CURRENT));
        assertFalse(EntityTags.noneMatchFails("abc", CURRENT), "unquoted is malformed");
        assertFalse(EntityTags.noneMatchFails("\"abc", CURRENT), "unterminated is malformed");
        assertFalse(EntityTags.noneMatchFails("w/\"abc\"", CURRENT), "W/ is case-sensitive");
    }
}
