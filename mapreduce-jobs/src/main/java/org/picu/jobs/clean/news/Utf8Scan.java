package org.picu.jobs.clean.news;

import java.util.Arrays;

/**
 * One pass over the UTF-8 bytes of a title or content that was never decoded, finding what the rules need
 * from it: whether {@link PlainText#of} would leave it as it is, its length in UTF-16 units, and its Latin
 * letters and Hangul syllables for the language rule. Each byte costs one table lookup, an add and an or:
 * three separate loops (the plain-text check, the length and the letter count) cost as much as decoding the
 * text, which is what keeping the bytes is meant to save.
 *
 * <p>Hangul syllables (U+AC00..U+D7A3) are certain for the leads EB and EC; a three-byte sequence led by EA or
 * ED may be one (EA B0..BF and ED 80..9E mostly are), so the pass counts those apart and {@link #hangulMaybe}
 * bounds the exact count from above. {@link NewsNormalizer#language} counts exactly only when the bound
 * leaves the answer open.
 */
final class Utf8Scan {
    // Byte classes, in the top three bits of a table entry (see plain() for what each means).
    private static final long SPACE = 1L << 61;
    private static final long CHECK = 1L << 62;
    private static final long REJECT = 1L << 63;
    // Counts, in fields of a table entry that sums never carry out of within one chunk.
    private static final int UNITS = 0;
    private static final int LATIN = 16;
    private static final int HANGUL = 32;
    private static final int HANGUL_MAYBE = 48;
    /**
     * Bytes per chunk, so that no field's sum reaches the next field, whatever the bytes: units at most two per byte
     * (16 bits), letters one per byte (16 bits), maybe-Hangul one per byte (13 bits, up to the class bits).
     */
    private static final int CHUNK = 8_191;
    private static final long[] TABLE = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long e = 0;
            if (b == ' ') {
                e |= SPACE;
            } else if (b < ' ' || b == 0x7F || b == '<' || b == '&' || b == '"' || b == '\\' || b == 0xC0 || b == 0xC1
                    || b > 0xF4) {
                e |=
                        REJECT; // controls, what may start markup or an entity, what a JSON string's bytes cannot hold,
                                // invalid leads
            } else if (b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 || b == 0xEF) {
                e |= CHECK; // leads of the ranges that hold C1 controls and Unicode white space
            }
            if ((b & 0xC0) != 0x80) {
                e += (b >= 0xF0 ? 2L : 1L) << UNITS; // a four-byte sequence is a surrogate pair
            }
            if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
                e += 1L << LATIN;
            }
            if (b == 0xEB || b == 0xEC) {
                e += 1L << HANGUL;
            } else if (b == 0xEA || b == 0xED) {
                e += 1L << HANGUL_MAYBE;
            }
            TABLE[b] = e;
        }
    }

    private final int from;
    private final int to;
    private final boolean plain;
    private final int units;
    private final int latin;
    private final int hangul;
    private final int hangulMaybe;

    private Utf8Scan(int from, int to, boolean plain, int units, int latin, int hangul, int hangulMaybe) {
        this.from = from;
        this.to = to;
        this.plain = plain;
        this.units = units;
        this.latin = latin;
        this.hangul = hangul;
        this.hangulMaybe = hangulMaybe;
    }

    /** Scans the bytes without the spaces at their ends (see {@link #trimmed}). */
    static Utf8Scan ofTrimmed(byte[] utf8) {
        int from = 0;
        int to = utf8.length;
        while (from < to && utf8[from] == ' ') {
            from++;
        }
        while (to > from && utf8[to - 1] == ' ') {
            to--;
        }
        return of(utf8, from, to);
    }

    /** Scans {@code utf8[from..to)}, well-formed UTF-8 (a sequence cut short at {@code to} makes it not plain). */
    static Utf8Scan of(byte[] utf8, int from, int to) {
        long classes = 0;
        int doubleSpace = 0;
        int units = 0;
        int latin = 0;
        int hangul = 0;
        int hangulMaybe = 0;
        int previousSpace = 0;
        for (int start = from; start < to; start += CHUNK) {
            int end = Math.min(to, start + CHUNK);
            long sums = 0;
            for (int i = start; i < end; i++) {
                int b = utf8[i] & 0xFF;
                long e = TABLE[b];
                classes |= e;
                sums += e;
                int space = ((b ^ ' ') - 1) >>> 31; // 1 for a space
                doubleSpace |= space & previousSpace;
                previousSpace = space;
            }
            units += (int) (sums >>> UNITS) & 0xFFFF;
            latin += (int) (sums >>> LATIN) & 0xFFFF;
            hangul += (int) (sums >>> HANGUL) & 0xFFFF;
            hangulMaybe += (int) (sums >>> HANGUL_MAYBE) & 0x1FFF;
        }
        boolean plain;
        if ((classes & REJECT) != 0 || doubleSpace != 0 || (from < to && (utf8[from] == ' ' || utf8[to - 1] == ' '))) {
            plain = false;
        } else {
            plain = (classes & CHECK) == 0 || isPlainSlowly(utf8, from, to);
        }
        return new Utf8Scan(from, to, plain, units, latin, hangul, hangulMaybe);
    }

    /** {@link #plain} byte by byte, for text with a sequence that may be white space or a control character. */
    private static boolean isPlainSlowly(byte[] utf8, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = utf8[i];
            if (c > ' ' && c < 0x7F) {
                if (c == '<' || c == '&' || c == '"' || c == '\\') {
                    return false;
                }
            } else if (c == ' ') {
                if (i == from || i == to - 1 || utf8[i + 1] == ' ') {
                    return false;
                }
            } else if (c >= 0) {
                return false; // an ASCII control character or DEL
            } else if (!plainSequence(utf8, i, to, c & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the character whose UTF-8 sequence starts (or continues) at {@code i} is neither white space nor a
     * control character: U+0080..U+00A0 (C1 controls, NEL, no-break space), U+1680, U+2000..U+200B, U+2028,
     * U+2029, U+202F, U+205F, U+3000 and U+FEFF are the ones above ASCII that {@link PlainText#collapse} changes.
     */
    private static boolean plainSequence(byte[] b, int i, int n, int lead) {
        if (lead < 0xC2 || (lead > 0xC2 && lead < 0xE1) || lead > 0xEF || (lead > 0xE3 && lead < 0xEF)) {
            return true; // a continuation byte, or a lead of a range without white space or controls
        }
        if (lead == 0xC2) {
            return i + 1 < n && (b[i + 1] & 0xFF) > 0xA0;
        }
        if (i + 2 >= n) {
            return false;
        }
        int s1 = b[i + 1] & 0xFF;
        int s2 = b[i + 2] & 0xFF;
        return switch (lead) {
            case 0xE1 -> !(s1 == 0x9A && s2 == 0x80);
            case 0xE2 ->
                !((s1 == 0x80 && (s2 <= 0x8B || s2 == 0xA8 || s2 == 0xA9 || s2 == 0xAF)) || (s1 == 0x81 && s2 == 0x9F));
            case 0xE3 -> !(s1 == 0x80 && s2 == 0x80);
            default -> !(s1 == 0xBB && s2 == 0xBF); // 0xEF
        };
    }

    /** The scanned bytes of {@code utf8} (the array itself when that is all of it). */
    byte[] trimmed(byte[] utf8) {
        return from == 0 && to == utf8.length ? utf8 : Arrays.copyOfRange(utf8, from, to);
    }

    /**
     * Whether {@link PlainText#of} gives the text of the scanned bytes, when they have no spaces at their ends: no
     * markup or entity can start (no '<' or '&'), there is no quote or backslash (the bytes of a JSON string are its
     * text only without them), no control character and no white space but single spaces between other characters.
     * Exact for such text: {@code PlainTextTest} checks it against {@link PlainText#of} on random strings.
     */
    boolean plain() {
        return plain;
    }

    /** The length in UTF-16 units. */
    int units() {
        return units;
    }

    int latin() {
        return latin;
    }

    /** Hangul syllables at least. */
    int hangul() {
        return hangul;
    }

    /** Sequences that may be Hangul syllables besides {@link #hangul}: the exact count is at most the sum. */
    int hangulMaybe() {
        return hangulMaybe;
    }
}
