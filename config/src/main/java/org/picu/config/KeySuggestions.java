package org.picu.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the known key an unknown one was probably meant to be, for "did you mean" hints. */
final class KeySuggestions {
    private static final int MAX_DISTANCE = 3;

    private KeySuggestions() {
    }

    static Optional<String> closest(String unknown, Collection<String> known) {
        String normalised = unknown.toLowerCase(Locale.ROOT).replace('_', '-');
        return known.stream()
                .filter(k -> distance(normalised, k) <= MAX_DISTANCE)
                .min(Comparator.comparingInt((String k) -> distance(normalised, k)).thenComparing(k -> k));
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
