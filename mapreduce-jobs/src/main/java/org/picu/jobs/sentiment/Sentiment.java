package org.picu.jobs.sentiment;

import java.util.List;

/**
 * The scorer's verdict on one text.
 *
 * @param score −1..1, {@code tanh(raw / 2)} of the summed term weights
 * @param label {@code positive}, {@code negative} or {@code neutral}
 * @param confidence 0..1: how much evidence there is and how much it agrees; 0 when no term matched
 * @param matchedTerms each match as {@code term(+0.60)} with the weight it contributed (after negation,
 *     shown as a {@code not } prefix, and intensifiers); title matches count double in the score
 */
public record Sentiment(double score, String label, double confidence, List<String> matchedTerms) {
    public static final String POSITIVE = "positive";
    public static final String NEGATIVE = "negative";
    public static final String NEUTRAL = "neutral";

    public Sentiment {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
