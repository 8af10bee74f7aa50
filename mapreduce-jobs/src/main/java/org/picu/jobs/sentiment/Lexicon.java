package org.picu.jobs.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sentiment lexicon: UTF-8 TSV lines {@code term<TAB>weight[<TAB>kind]}, {@code #} comments and
 * blank lines ignored. Kinds:
 * <ul>
 *   <li>{@code term} (default): a sentiment word or phrase, weight −1..1 (negative … positive);</li>
 *   <li>{@code negator}: flips a term up to three tokens after it ({@code not}, {@code without}, {@code 안});</li>
 *   <li>{@code negator_after}: flips the term in the token before it (Korean {@code 않}, {@code 못}, {@code 없});</li>
 *   <li>{@code intensifier}: multiplies the nearest term within two tokens by its weight ({@code sharply 1.5}).</li>
 * </ul>
 * Terms are lower-cased; multi-word terms are separated by single spaces. The built-in lexicon is
 * {@code lexicon.tsv} beside this class; an operator's file is merged over it (same term: the operator wins).
 * The version names the content (a hash), so every score can be traced to the lexicon that produced it.
 */
public final class Lexicon {
    /** How a lexicon entry acts. */
    public enum Kind { TERM, NEGATOR, NEGATOR_AFTER, INTENSIFIER }

    /** One entry. */
    public record Entry(String term, double weight, Kind kind) {
    }

    private final Map<String, Entry> entries;
    private final String version;
    private final int maxWords;

    private Lexicon(Map<String, Entry> entries, String version) {
        this.entries = Map.copyOf(entries);
        this.version = version;
        this.maxWords = entries.keySet().stream().mapToInt(t -> t.split(" ").length).max().orElse(1);
    }

    /** The built-in lexicon. */
    public static Lexicon builtIn() {
        try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("lexicon.tsv is missing from the job jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "lexicon.tsv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a lexicon file.
     *
     * @throws InvalidLexiconException listing every bad line, with its number
     */
    public static Lexicon parse(String text, String origin) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        addLines(text, origin, entries, problems);
        if (!problems.isEmpty()) {
            throw new InvalidLexiconException(problems);
        }
        return new Lexicon(entries, "lexicon-" + hash(text));
    }

    /** This lexicon with an operator's entries merged over it. */
    public Lexicon with(String extraText, String origin) {
        Map<String, Entry> merged = new LinkedHashMap<>(entries);
        List<String> problems = new ArrayList<>();
        addLines(extraText, origin, merged, problems);
        if (!problems.isEmpty()) {
            throw new InvalidLexiconException(problems);
        }
        return new Lexicon(merged, version + "+" + hash(extraText));
    }

    private static void addLines(String text, String origin, Map<String, Entry> entries, List<String> problems) {
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String problem = addLine(trimmed, entries);
                if (problem != null) {
                    problems.add(
                            origin + " line " + number + ": " + problem + " (expected term<TAB>weight[<TAB>kind])");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String addLine(String line, Map<String, Entry> entries) {
        String[] cols = line.split("\t");
        if (cols.length < 2 || cols.length > 3) {
            return "has " + cols.length + " tab-separated columns";
        }
        String term = String.join(" ", cols[0].strip().toLowerCase(Locale.ROOT).split("\\s+"));
        if (term.isEmpty()) {
            return "empty term";
        }
        double weight;
        try {
            weight = Double.parseDouble(cols[1].strip());
        } catch (NumberFormatException e) {
            return "weight '" + cols[1] + "' is not a number";
        }
        Kind kind;
        try {
            kind = cols.length == 3 ? Kind.valueOf(cols[2].strip().toUpperCase(Locale.ROOT)) : Kind.TERM;
        } catch (IllegalArgumentException e) {
            return "kind '" + cols[2] + "' is not term, negator, negator_after or intensifier";
        }
        if (kind == Kind.TERM && (weight < -1 || weight > 1 || weight == 0)) {
            return "term weight " + weight + " must be in -1..1 and not 0";
        }
        if (kind == Kind.INTENSIFIER && (weight <= 1 || weight > 3)) {
            return "intensifier weight " + weight + " must be above 1 and at most 3";
        }
        entries.put(term, new Entry(term, weight, kind));
        return null;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry for a lower-case term or phrase, or null. */
    public Entry get(String term) {
        return entries.get(term);
    }

    /** The most words any entry has. */
    public int maxWords() {
        return maxWords;
    }

    public int size() {
        return entries.size();
    }

    /** {@code lexicon-<hash>} of the built-in file, {@code +<hash>} per merged operator file. */
    public String version() {
        return version;
    }

    /** A lexicon file with bad lines. */
    public static final class InvalidLexiconException extends IllegalArgumentException {
        public InvalidLexiconException(List<String> problems) {
            super(String.join("; ", problems));
        }
    }
}
