package org.picu.jobs.clean;

import java.nio.charset.StandardCharsets;

/**
 * Text held as UTF-8 bytes, as a {@code String}, or both, each made from the other only when asked for. A news
 * title or content that the rules leave unchanged goes from the raw line to the shuffle and on to Parquet as
 * the line's bytes: decoding it to UTF-16 and encoding it back was about a fifth of clean-news' map-side CPU.
 *
 * <p>Equality is the text's: two instances are equal when their strings are, however each was made.
 */
public final class Utf8Text {
    private byte[] utf8;
    private String string;
    /** UTF-16 length, or -1 until counted. */
    private int length = -1;

    private Utf8Text(byte[] utf8, String string) {
        this.utf8 = utf8;
        this.string = string;
    }

    public static Utf8Text of(String s) {
        if (s == null) {
            throw new NullPointerException("text");
        }
        return new Utf8Text(null, s);
    }

    /** Null for null, else {@link #of(String)}. */
    public static Utf8Text ofNullable(String s) {
        return s == null ? null : of(s);
    }

    /**
     * Text from bytes this instance now owns. They must be well-formed UTF-8 without encoded surrogates
     * (what {@code RawLines.isValidUtf8} and {@code EnvelopeReader} let through to the rules, and what
     * {@link #utf8()} produces): then decoding and encoding again gives the same bytes.
     */
    public static Utf8Text ofUtf8(byte[] utf8) {
        return new Utf8Text(utf8, null);
    }

    /** As {@link #ofUtf8(byte[])}, when the caller has counted the text's length in UTF-16 units. */
    public static Utf8Text ofUtf8(byte[] utf8, int length) {
        Utf8Text text = new Utf8Text(utf8, null);
        text.length = length;
        return text;
    }

    /**
     * The UTF-8 bytes (not to be changed), encoded on first use; a lone surrogate becomes '?' as in {@code getBytes}.
     */
    public byte[] utf8() {
        if (utf8 == null) {
            utf8 = string.getBytes(StandardCharsets.UTF_8);
        }
        return utf8;
    }

    /** Whether the text was made from bytes and has not been decoded: the rules then read the bytes. */
    public boolean undecoded() {
        return string == null;
    }

    /** The length in UTF-16 units, as {@code toString().length()}, counted from the bytes if not decoded. */
    public int length() {
        if (length < 0) {
            length = string != null ? string.length() : utf16Length(utf8);
        }
        return length;
    }

    /** One unit per sequence, two for a four-byte one (a surrogate pair). */
    static int utf16Length(byte[] utf8) {
        int units = 0;
        for (byte b : utf8) {
            // Every byte but a continuation byte (10xxxxxx) starts a character; a four-byte lead (11110xxx) adds one
            // more.
            units += ((b & 0xC0) != 0x80 ? 1 : 0) + ((b & 0xF8) == 0xF0 ? 1 : 0);
        }
        return units;
    }

    @Override
    public String toString() {
        if (string == null) {
            string = new String(utf8, StandardCharsets.UTF_8);
        }
        return string;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Utf8Text other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
