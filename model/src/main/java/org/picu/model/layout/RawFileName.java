package org.picu.model.layout;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.model.RecordEnvelope;

/**
 * The name of a complete spool / raw file: {@code <source>.<worker>.<first-seq>-<last-seq>.jsonl}, with
 * sequence numbers zero-padded to 12 digits so that names sort in sequence order.
 *
 * <p>The name is the file's identity: the same records always get the same name, so an upload that is
 * repeated after a crash finds the file already in HDFS and skips it.
 */
public record RawFileName(String source, String workerId, long firstSeq, long lastSeq) {
    public static final String SUFFIX = ".jsonl";
    private static final Pattern FORM = Pattern.compile("(" + RecordEnvelope.NAME.pattern() + ")\\.("
            + RecordEnvelope.NAME.pattern() + ")\\.(\\d{12})-(\\d{12})\\.jsonl");

    public RawFileName {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(workerId, "workerId");
        if (firstSeq < 0 || lastSeq < firstSeq) {
            throw new IllegalArgumentException("sequence range " + firstSeq + "-" + lastSeq + " is not valid");
        }
    }

    /** Parses a file name, or throws {@link IllegalArgumentException} if it is not one of ours. */
    public static RawFileName parse(String fileName) {
        Matcher m = FORM.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + fileName + "' is not a raw file name of the form "
                    + "<source>.<worker>.<first-seq>-<last-seq>.jsonl");
        }
        return new RawFileName(m.group(1), m.group(2), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
    }

    public static boolean matches(String fileName) {
        return FORM.matcher(fileName).matches();
    }

    /** How many records the file holds. */
    public long recordCount() {
        return lastSeq - firstSeq + 1;
    }

    @Override
    public String toString() {
        return String.format("%s.%s.%012d-%012d%s", source, workerId, firstSeq, lastSeq, SUFFIX);
    }
}
