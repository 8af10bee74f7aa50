package org.picu.jobs.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The lexicon a run uses: the built-in one, with the operator's file from {@link SentimentConfigKeys#LEXICON_EXTRA}
 * merged over it.
 */
public final class LexiconLoader {
    private LexiconLoader() {
    }

    /**
     * @throws IOException if the operator's file cannot be read
     * @throws Lexicon.InvalidLexiconException if it has bad lines
     */
    public static Lexicon load(Configuration conf) throws IOException {
        Lexicon lexicon = Lexicon.builtIn();
        String extra = conf.getTrimmed(SentimentConfigKeys.LEXICON_EXTRA, "");
        if (extra.isEmpty()) {
            return lexicon;
        }
        Path path = new Path(extra);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return lexicon.with(new String(in.readAllBytes(), StandardCharsets.UTF_8), path.getName());
        }
    }

    /** The scorer configured for a run. */
    public static SentimentScorer scorer(Configuration conf) throws IOException {
        return new SentimentScorer(load(conf),
                conf.getFloat(SentimentConfigKeys.NEUTRAL_BAND, SentimentConfigKeys.NEUTRAL_BAND_DEFAULT),
                conf.getInt(SentimentConfigKeys.CONTENT_CHARS, SentimentConfigKeys.CONTENT_CHARS_DEFAULT));
    }
}
