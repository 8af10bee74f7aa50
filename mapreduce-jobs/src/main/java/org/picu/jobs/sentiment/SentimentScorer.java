package org.picu.jobs.sentiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores finance news with a {@link Lexicon}; every number it produces can be recomputed by hand from
 * the matched terms.
 *
 * <ol>
 *   <li>Text is lower-cased, {@code n't} becomes {@code not}, and everything but letters and digits splits tokens.</li>
 *   <li>Terms are matched longest first: multi-word phrases, then whole tokens (English tokens also
 *       without a plural/tense ending: {@code surges}, {@code rallied}, {@code freezing}), then, for Korean
 *       tokens with particles or endings attached ({@code 상승세에}, {@code 실망감에}), lexicon terms inside
 *       the token.</li>
 *   <li>A term is negated (weight × −0.8: "not bullish" is weaker than "bearish") by a negator up to three
 *       tokens before it, or by a Korean after-negator at the start of the next token ({@code 상승하지 않았다});
 *       the nearest intensifier within two tokens multiplies it.</li>
 *   <li>{@code raw = 2 × Σ title weights + Σ weights in the first content characters}; {@code score = tanh(raw / 2)};
 *       the label is positive above the neutral band, negative below minus it, else neutral.</li>
 *   <li>{@code confidence = agreement × (1 − 0.5^matches)}, agreement = |Σ w| / Σ |w|: one term gives 0.5,
 *       three terms that agree 0.875, terms that cancel out close to 0.</li>
 * </ol>
 */
public final class SentimentScorer {
    private static final double NEGATION = -0.8;
    private static final int NEGATOR_REACH = 3;
    private static final int INTENSIFIER_REACH = 2;
    private static final int MAX_TERMS = 30;

    private final Lexicon lexicon;
    private final double neutralBand;
    private final int contentChars;

    public SentimentScorer(Lexicon lexicon, double neutralBand, int contentChars) {
        this.lexicon = lexicon;
        this.neutralBand = neutralBand;
        this.contentChars = contentChars;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Scores a news item; content may be null. */
    public Sentiment score(String title, String content) {
        List<String> shown = new ArrayList<>();
        double[] sums = new double[2];  // signed sum, absolute sum
        int matches = 0;
        matches += accumulate(title == null ? "" : title, 2.0, sums, shown);
        if (content != null) {
            matches += accumulate(
                    content.length() > contentChars ? content.substring(0, contentChars) : content, 1.0, sums, shown);
        }
        double raw = sums[0];
        double score = round(Math.tanh(raw / 2));
        String label = score > neutralBand
                ? Sentiment.POSITIVE
                : score < -neutralBand ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        double confidence = matches == 0 ? 0 : round(Math.abs(raw) / sums[1] * (1 - Math.pow(0.5, matches)));
        return new Sentiment(score, label, confidence, shown.size() > MAX_TERMS ? shown.subList(0, MAX_TERMS) : shown);
    }

    private int accumulate(String text, double factor, double[] sums, List<String> shown) {
        List<String> tokens = tokens(text);
        int count = 0;
        for (Match m : matches(tokens)) {
            double w = m.weight * modifier(tokens, m);
            sums[0] += factor * w;
            sums[1] += factor * Math.abs(w);
            shown.add((negated(tokens, m) ? "not " : "") + m.term + String.format(Locale.ROOT, "(%+.2f)", w));
            count++;
        }
        return count;
    }

    /** Lower-cased tokens; hyphens and punctuation split, {@code n't} is {@code not}. */
    static List<String> tokens(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replace("n't", " not").replace("n’t", " not");
        List<String> tokens = new ArrayList<>();
        for (String t : normal.split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private record Match(String term, double weight, int first, int last) {
    }

    private List<Match> matches(List<String> tokens) {
        List<Match> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match phrase = phraseAt(tokens, i);
            if (phrase != null) {
                found.add(phrase);
                i = phrase.last + 1;
                continue;
            }
            String token = tokens.get(i);
            Lexicon.Entry e = wholeToken(token);
            if (e != null) {
                if (e.kind() == Lexicon.Kind.TERM) {
                    found.add(new Match(e.term(), e.weight(), i, i));
                }
            } else if (isHangul(token)) {
                for (Lexicon.Entry inner : termsInside(token)) {
                    found.add(new Match(inner.term(), inner.weight(), i, i));
                }
            }
            i++;
        }
        return found;
    }

    private Match phraseAt(List<String> tokens, int start) {
        for (int words = Math.min(lexicon.maxWords(), tokens.size() - start); words >= 2; words--) {
            Lexicon.Entry e = lexicon.get(String.join(" ", tokens.subList(start, start + words)));
            if (e != null && e.kind() == Lexicon.Kind.TERM) {
                return new Match(e.term(), e.weight(), start, start + words - 1);
            }
        }
        return null;
    }

    /** The entry of a whole token, trying English endings when the token itself is not listed. */
    private Lexicon.Entry wholeToken(String token) {
        Lexicon.Entry e = lexicon.get(token);
        if (e != null || isHangul(token)) {
            return e;
        }
        for (String stem : stems(token)) {
            e = lexicon.get(stem);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static List<String> stems(String t) {
        List<String> stems = new ArrayList<>();
        if (t.endsWith("ies")) {
            stems.add(t.substring(0, t.length() - 3) + "y");
        }
        if (t.endsWith("ied")) {
            stems.add(t.substring(0, t.length() - 3) + "y");
        }
        for (String suffix : new String[] {"s", "es", "ed", "d", "ing", "ly"}) {
            if (t.endsWith(suffix) && t.length() > suffix.length() + 2) {
                stems.add(t.substring(0, t.length() - suffix.length()));
            }
        }
        if (t.endsWith("ing") && t.length() > 5) {
            stems.add(t.substring(0, t.length() - 3) + "e");
        }
        return stems;
    }

    /** Terms inside a Korean token, longest first from each position, not overlapping. */
    private List<Lexicon.Entry> termsInside(String token) {
        List<Lexicon.Entry> found = new ArrayList<>();
        int pos = 0;
        while (pos < token.length()) {
            Lexicon.Entry best = null;
            for (int end = token.length(); end > pos + 1 && best == null; end--) {
                Lexicon.Entry e = lexicon.get(token.substring(pos, end));
                if (e != null && e.kind() == Lexicon.Kind.TERM) {
                    best = e;
                }
            }
            if (best != null) {
                found.add(best);
                pos += best.term().length();
            } else {
                pos++;
            }
        }
        return found;
    }

    private double modifier(List<String> tokens, Match m) {
        return (negated(tokens, m) ? NEGATION : 1.0) * intensity(tokens, m);
    }

    private boolean negated(List<String> tokens, Match m) {
        for (int i = Math.max(0, m.first - NEGATOR_REACH); i < m.first; i++) {
            if (kindOf(tokens.get(i)) == Lexicon.Kind.NEGATOR) {
                return true;
            }
        }
        if (m.last + 1 < tokens.size()) {
            String next = tokens.get(m.last + 1);
            for (int len = 1; len <= Math.min(3, next.length()); len++) {
                Lexicon.Entry e = lexicon.get(next.substring(0, len));
                if (e != null && e.kind() == Lexicon.Kind.NEGATOR_AFTER) {
                    return true;
                }
            }
        }
        return false;
    }

    private double intensity(List<String> tokens, Match m) {
        for (int d = 1; d <= INTENSIFIER_REACH; d++) {
            for (int i : new int[] {m.first - d, m.last + d}) {
                if (i >= 0 && i < tokens.size()) {
                    Lexicon.Entry e = wholeToken(tokens.get(i));
                    if (e != null && e.kind() == Lexicon.Kind.INTENSIFIER) {
                        return e.weight();
                    }
                }
            }
        }
        return 1.0;
    }

    private Lexicon.Kind kindOf(String token) {
        Lexicon.Entry e = wholeToken(token);
        return e == null ? null : e.kind();
    }

    private static boolean isHangul(String token) {
        return token.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
