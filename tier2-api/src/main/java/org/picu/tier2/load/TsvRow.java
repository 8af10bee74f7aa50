package org.picu.tier2.load;

import java.time.LocalDateTime;

/**
 * Builds the rows of a {@code LOAD DATA} text stream: fields separated by tabs, rows by newlines, {@code \N} for NULL,
 * and backslash escapes for the characters that would otherwise end a field or row. Values are appended in column
 * order; {@link #endRow()} closes a row.
 */
final class TsvRow {
    private final StringBuilder text = new StringBuilder(64 * 1024);
    private boolean rowStarted;
    private int rows;

    void text(String value) {
        separator();
        if (value == null) {
            text.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\0' -> text.append("\\0");
                default -> text.append(c);
            }
        }
    }

    /**
     * A finite number; {@link Double#toString} is exact (shortest round-trip form) and MariaDB parses its E-notation.
     */
    void number(double value) {
        separator();
        text.append(value);
    }

    void number(Double value) {
        if (value == null) {
            separator();
            text.append("\\N");
        } else {
            number(value.doubleValue());
        }
    }

    void integer(long value) {
        separator();
        text.append(value);
    }

    /** A UTC wall-clock time to the millisecond, as DATETIME(3) takes it. */
    void time(LocalDateTime value) {
        separator();
        if (value == null) {
            text.append("\\N");
            return;
        }
        appendPadded(value.getYear(), 4).append('-');
        appendPadded(value.getMonthValue(), 2).append('-');
        appendPadded(value.getDayOfMonth(), 2).append(' ');
        appendPadded(value.getHour(), 2).append(':');
        appendPadded(value.getMinute(), 2).append(':');
        appendPadded(value.getSecond(), 2).append('.');
        appendPadded(value.getNano() / 1_000_000, 3);
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
    }

    int rows() {
        return rows;
    }

    int length() {
        return text.length();
    }

    /** The rows so far as text; {@link #clear()} starts the next chunk. */
    String content() {
        return text.toString();
    }

    void clear() {
        text.setLength(0);
        rowStarted = false;
        rows = 0;
    }

    private void separator() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }

    private StringBuilder appendPadded(int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }
}
