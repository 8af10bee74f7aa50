package org.picu.jobs.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which symbols a news item mentions: a keyword equal to a symbol or one of its aliases, or the symbol or
 * an alias as a word of the title. Korean aliases also match inside a word, because particles attach to
 * nouns ({@code 비트코인이}, {@code 이더리움은}). The original filtered on the JSON {@code keywords} column
 * only, with a {@code contains} that behaved differently per database.
 *
 * <p>Aliases are configured as {@code SYMBOL:alias|alias,SYMBOL:alias}, e.g. {@code BTC:bitcoin|비트코인}.
 */
public final class SymbolMatcher {
    private final Map<String, String> wordToSymbol = new LinkedHashMap<>();
    private final Map<String, String> koreanToSymbol = new LinkedHashMap<>();

    private SymbolMatcher() {
    }

    /**
     * @throws IllegalArgumentException naming the bad entry
     */
    public static SymbolMatcher parse(String spec) {
        SymbolMatcher m = new SymbolMatcher();
        for (String entry : spec.split(",")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split(":", 2);
            String symbol = parts[0].strip().toUpperCase(Locale.ROOT);
            if (!symbol.matches("[A-Z0-9]{2,10}")) {
                throw new IllegalArgumentException("symbol alias entry '" + e
                        + "' must start with a symbol of 2-10 letters or digits, e.g. BTC:bitcoin|비트코인");
            }
            m.wordToSymbol.put(symbol.toLowerCase(Locale.ROOT), symbol);
            if (parts.length == 2) {
                for (String alias : parts[1].split("\\|")) {
                    String a = alias.strip().toLowerCase(Locale.ROOT);
                    if (a.isEmpty()) {
                        continue;
                    }
                    if (a.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL)) {
                        m.koreanToSymbol.put(a, symbol);
                    } else {
                        m.wordToSymbol.put(a, symbol);
                    }
                }
            }
        }
        return m;
    }

    /** The symbols mentioned, sorted. */
    public Set<String> symbols(List<String> keywords, String title) {
        Set<String> found = new TreeSet<>();
        List<String> words = new ArrayList<>(keywords);
        words.addAll(List.of((title == null ? "" : title).split("[^\\p{L}\\p{N}]+")));
        for (String w : words) {
            String lower = w.toLowerCase(Locale.ROOT);
            String symbol = wordToSymbol.get(lower);
            if (symbol != null) {
                found.add(symbol);
            }
            koreanToSymbol.forEach((alias, s) -> {
                if (lower.contains(alias)) {
                    found.add(s);
                }
            });
        }
        return found;
    }
}
