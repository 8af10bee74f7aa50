package org.picu.jobs.sentiment;

/** Configuration keys of {@code sentiment}; set them with {@code -D key=value} on the command line. */
public final class SentimentConfigKeys {
    /**
     * An operator's lexicon (same TSV format as the built-in {@code lexicon.tsv}), merged over the built-in
     * one: any Hadoop path, e.g. {@code hdfs:///picu/conf/lexicon-extra.tsv} or {@code file:/etc/picu/lexicon.tsv}.
     * A file that is missing or has bad lines stops the job before it starts (exit 2), naming every bad line.
     */
    public static final String LEXICON_EXTRA = "picu.sentiment.lexicon.extra";

    /** Scores within ±band are labelled neutral. */
    public static final String NEUTRAL_BAND = "picu.sentiment.neutral-band";
    public static final float NEUTRAL_BAND_DEFAULT = 0.2f;

    /** How many leading characters of the content are scored besides the title. */
    public static final String CONTENT_CHARS = "picu.sentiment.content-chars";
    public static final int CONTENT_CHARS_DEFAULT = 1000;

    /** Internal: the run's {@code analyzed_at} (epoch ms), set by the job so every task stamps the same time. */
    static final String ANALYZED_AT = "picu.sentiment.analyzed-at";

    private SentimentConfigKeys() {
    }
}
