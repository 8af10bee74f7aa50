package org.picu.worker.spool;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.model.RecordEnvelope;
import org.picu.model.layout.RawFileName;

/**
 * The three names a spool file has in its life:
 *
 * <pre>
 * upbit.w1.000000000042.jsonl.tmp                    being written; only its first sequence number is known
 * upbit.w1.000000000042-000000000050.jsonl           complete and immutable: ready to upload ({@link RawFileName})
 * upbit.w1.000000000042-000000000050.jsonl.uploaded  shipped to HDFS; cleanup may delete it after the retention
 * </pre>
 */
public final class SpoolFileNames {
    public static final String TMP_SUFFIX = ".tmp";
    public static final String UPLOADED_SUFFIX = ".uploaded";
    private static final Pattern TMP = Pattern.compile("(" + RecordEnvelope.NAME.pattern() + ")\\.("
            + RecordEnvelope.NAME.pattern() + ")\\.(\\d{12})\\.jsonl\\.tmp");

    private SpoolFileNames() {
    }

    /** The name of a file being written, e.g. {@code upbit.w1.000000000042.jsonl.tmp}. */
    public static String tmpName(String source, String workerId, long firstSeq) {
        return String.format("%s.%s.%012d%s%s", source, workerId, firstSeq, RawFileName.SUFFIX, TMP_SUFFIX);
    }

    /** The file an in-progress file becomes once its last sequence number is known. */
    public static RawFileName completeName(TmpName tmp, long lastSeq) {
        return new RawFileName(tmp.source(), tmp.workerId(), tmp.firstSeq(), lastSeq);
    }

    /** Parses an in-progress name, or empty if it is not one. */
    public static Optional<TmpName> parseTmp(String fileName) {
        Matcher m = TMP.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TmpName(m.group(1), m.group(2), Long.parseLong(m.group(3))));
    }

    /** The name a complete file gets once it has been shipped. */
    public static String uploadedName(RawFileName name) {
        return name + UPLOADED_SUFFIX;
    }

    /** Parses a shipped file's name, or empty if it is not one. */
    public static Optional<RawFileName> parseUploaded(String fileName) {
        if (!fileName.endsWith(UPLOADED_SUFFIX)) {
            return Optional.empty();
        }
        String base = fileName.substring(0, fileName.length() - UPLOADED_SUFFIX.length());
        return RawFileName.matches(base) ? Optional.of(RawFileName.parse(base)) : Optional.empty();
    }

    /**
     * An in-progress file's name parts.
     *
     * @param source the spider
     * @param workerId the worker
     * @param firstSeq the sequence number of its first record
     */
    public record TmpName(String source, String workerId, long firstSeq) {
        @Override
        public String toString() {
            return tmpName(source, workerId, firstSeq);
        }
    }
}
