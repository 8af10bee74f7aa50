package org.picu.jobs.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentimentScorerTest {
    private static final Lexicon LEXICON = Lexicon.parse(String.join("\n",
            "surge\t1.0", "fall\t-0.6", "rate cut\t0.6", "상승\t0.6", "상승세\t0.8", "우려\t-0.7", "loss\t-0.7",
            "not\t-1\tnegator", "without\t-1\tnegator", "않\t-1\tnegator_after", "없\t-1\tnegator_after",
            "sharply\t1.5\tintensifier", "크게\t1.5\tintensifier"), "test");
    private final SentimentScorer scorer = new SentimentScorer(LEXICON, 0.2, 1000);

    @Test
    void title_terms_count_double_and_the_score_is_tanh_of_half_the_sum() {
        Sentiment s = scorer.score("Bitcoin surges", null);
        assertEquals(List.of("surge(+1.00)"), s.matchedTerms());
        assertEquals(Math.round(Math.tanh(2.0 / 2) * 10_000) / 10_000.0, s.score());   // raw = 2 x 1.0
        assertEquals(Sentiment.POSITIVE, s.label());
        assertEquals(0.5, s.confidence(), "one agreeing term: 1 x (1 - 0.5)");
    }

    @Test
    void a_negator_within_three_tokens_flips_and_weakens_the_term() {
        Sentiment s = scorer.score("Prices did not fall", null);
        assertEquals(List.of("not fall(+0.48)"), s.matchedTerms());       // -0.6 x -0.8
        assertEquals(Sentiment.POSITIVE, s.label());
        assertEquals(Sentiment.NEGATIVE, scorer.score("Prices don't surge", null).label(), "n't is not");
        assertEquals(Sentiment.POSITIVE, scorer.score("Quarter closed without a loss", null).label());
        assertEquals(
                Sentiment.NEGATIVE, scorer.score("비트코인 상승하지 않았다", null).label(), "Korean negation follows the verb");
        assertEquals(Sentiment.POSITIVE, scorer.score("규제 우려 없어", null).label());
    }

    @Test
    void an_intensifier_within_two_tokens_multiplies_the_term() {
        assertEquals(List.of("fall(-0.90)"), scorer.score("Ether falls sharply", null).matchedTerms());
        assertEquals(List.of("상승(+0.90)"), scorer.score("비트코인 크게 상승", null).matchedTerms());
    }

    @Test
    void korean_terms_match_inside_tokens_longest_first_and_phrases_match_across_tokens() {
        assertEquals(List.of("상승세(+0.80)"), scorer.score("비트코인 상승세에 투자자 몰려", null).matchedTerms());
        assertEquals(List.of("rate cut(+0.60)"), scorer.score("Fed hints at a rate cut", null).matchedTerms());
    }

    @Test
    void no_evidence_is_neutral_with_zero_confidence_and_conflict_lowers_confidence() {
        Sentiment none = scorer.score("Exchange publishes its quarterly report", "Nothing else to say.");
        assertEquals(Sentiment.NEUTRAL, none.label());
        assertEquals(0.0, none.score());
        assertEquals(0.0, none.confidence());

        Sentiment mixed = scorer.score("Bitcoin surges, ether falls", null);
        // raw = 2 x (1.0 - 0.6) = 0.8; agreement = 0.8 / 3.2 = 0.25; confidence = 0.25 x (1 - 0.25) = 0.1875
        assertEquals(0.1875, mixed.confidence());
        assertTrue(mixed.score() > 0);
    }

    @Test
    void content_counts_once_and_only_its_first_characters() {
        SentimentScorer shortContent = new SentimentScorer(LEXICON, 0.2, 10);
        assertEquals(List.of(), shortContent.score("Market update", "Long intro text before the surge").matchedTerms());
        assertEquals(
                List.of("surge(+1.00)"),
                scorer.score("Market update", "Long intro text before the surge")
                        .matchedTerms());
    }
}
