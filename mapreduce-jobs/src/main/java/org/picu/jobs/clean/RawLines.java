package org.picu.jobs.clean;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;

/** Turns a raw input line into text, or into a {@link RejectedLine} when it is not valid UTF-8 or is blank. */
public final class RawLines {
    private RawLines() {
    }

    /**
     * Whether the line is valid UTF-8 by Hadoop's check, the one {@link #decode} applies. The ASCII prefix
     * (a whole market line) is skipped in a tight loop, several times faster than Hadoop's byte-by-byte state
     * machine; Hadoop's check runs on the rest, from the first non-ASCII byte. After an ASCII byte that state
     * machine is back at its start, so the answer is Hadoop's for the whole line.
     */
    public static boolean isValidUtf8(Text line) {
        byte[] b = line.getBytes();
        int length = line.getLength();
        int i = 0;
        while (i < length && b[i] >= 0) {
            i++;
        }
        if (i == length) {
            return true;
        }
        try {
            Text.validateUTF8(b, i, length - i);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The decoded line, or null after handing the reject to {@code onReject}. */
    public static String decode(Text line, String file, long offset, java.util.function.Consumer<RejectedLine> onReject) {
        try {
            Text.validateUTF8(line.getBytes(), 0, line.getLength());
        } catch (CharacterCodingException e) {
            // Keep what can be read (bad bytes become U+FFFD) so the reject output stays valid JSON.
            String lossy = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
            onReject.accept(new RejectedLine("bad_encoding", "line is not valid UTF-8", file, offset, lossy));
            return null;
        }
        String text = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            onReject.accept(new RejectedLine("blank_line", "line is empty", file, offset, text));
            return null;
        }
        return text;
    }
}
