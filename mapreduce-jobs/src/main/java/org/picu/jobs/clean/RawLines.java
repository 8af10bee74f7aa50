package org.picu.jobs.clean;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.Text;

/** Turns a raw input line into text, or into a {@link RejectedLine} when it is not valid UTF-8 or is blank. */
public final class RawLines {
    private RawLines() {
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
        String text = line.toString();
        if (text.isBlank()) {
            onReject.accept(new RejectedLine("blank_line", "line is empty", file, offset, text));
            return null;
        }
        return text;
    }
}
