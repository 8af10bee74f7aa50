package org.picu.model.layout;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.model.RecordEnvelope;

/**
 * The name of a compacted raw file: {@code <source>.<worker>.h<HH>.v<version>.jsonl}, the small files one
 * worker shipped for one source during hour {@code HH} of the directory's day, concatenated. A later
 * compaction of the same hour (a late file arrived) writes the next version, which holds the previous one.
 * Which small files a compacted file holds is in the directory's {@link CompactionIndex}, not in the name.
 */
public record CompactedFileName(String source, String workerId, int hour, int version) {
    private static final Pattern FORM = Pattern.compile("(" + RecordEnvelope.NAME.pattern() + ")\\.("
            + RecordEnvelope.NAME.pattern() + ")\\.h(\\d{2})\\.v(\\d{1,9})\\.jsonl");

    public CompactedFileName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(workerId, "workerId");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour " + hour + " is not 0 to 23");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version " + version + " is not 1 or more");
        }
    }

    /** Parses a file name, or throws {@link IllegalArgumentException} if it is not a compacted file's. */
    public static CompactedFileName parse(String fileName) {
        Matcher m = FORM.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a compacted file name of the form "
                    + "<source>.<worker>.h<HH>.v<version>.jsonl");
        }
        return new CompactedFileName(
                m.group(1), m.group(2), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
    }

    public static boolean matches(String fileName) {
        return FORM.matcher(fileName).matches();
    }

    /** The name of the version that replaces this one. */
    public CompactedFileName next() {
        return new CompactedFileName(source, workerId, hour, version + 1);
    }

    @Override
    public String toString() {
        return String.format("%s.%s.h%02d.v%d%s", source, workerId, hour, version, RawFileName.SUFFIX);
    }
}
