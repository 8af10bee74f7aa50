package org.picu.proof;

import java.time.Instant;
import java.util.List;

/**
 * Generated news text for the live news sites: plain, single-spaced, without characters HTML would escape, so
 * that the text a spider reads back is the text served (the natural key of an item without a URL hashes it).
 * Headlines mix rising and falling words in English and Korean, so that the sentiment job has something to score.
 */
final class NewsText {
    private static final List<String> SYMBOLS = List.of("BTC", "ETH", "XRP", "SOL", "DOGE", "ADA");
    private static final List<String> MOVES = List.of(
            "surges to a new high",
            "falls sharply",
            "rallies on strong demand",
            "plunges after a hack report",
            "급등 기대감 확산",
            "급락 우려 커져",
            "steady as volume grows");
    /** A title too short for the cleaning rules (at least 3 characters): the record is rejected as bad_title. */
    static final String MALFORMED_TITLE = "X";

    private NewsText() {
    }

    static String title(long n) {
        return SYMBOLS.get((int) (n % SYMBOLS.size())) + " " + MOVES.get((int) (n % MOVES.size())) + " (item " + n
                + ")";
    }

    static String content(long n, Instant at) {
        String symbol = SYMBOLS.get((int) (n % SYMBOLS.size()));
        return symbol + " traders reacted at " + at + " as the market " + MOVES.get((int) ((n + 3) % MOVES.size()))
                + ". Analysts expect the move of item " + n + " to continue into the next session.";
    }

    static String keyword(long n) {
        return SYMBOLS.get((int) (n % SYMBOLS.size()));
    }
}
