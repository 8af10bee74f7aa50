package org.picu.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sources PICU crawls with a spider written in Java, and what each one's records describe. This is the
 * one list of built-in sources: the worker registers a spider for each ({@code Spiders}, checked at class
 * load), reserves their names and lists them in its help; the cleaning jobs read their raw directories by
 * default ({@link org.picu.model.layout.Dataset#rawSources()}). Adding a Java source starts here.
 */
public enum BuiltInSource {
    UPBIT("upbit", RecordKind.MARKET_TICK),
    FEAR_GREED("fear_greed", RecordKind.FEAR_GREED),
    COINNESS("coinness", RecordKind.NEWS),
    SAVETICKER("saveticker", RecordKind.NEWS),
    PERPLEXITY("perplexity", RecordKind.NEWS);

    private final String sourceName;
    private final RecordKind kind;

    BuiltInSource(String sourceName, RecordKind kind) {
        this.sourceName = sourceName;
        this.kind = kind;
    }

    /** The name in the envelope's {@code source}, the raw directory {@code /raw/<name>/} and the worker config. */
    public String sourceName() {
        return sourceName;
    }

    /** What the source's records describe. */
    public RecordKind kind() {
        return kind;
    }

    /** Every built-in source's name, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(BuiltInSource::sourceName).toList();
    }

    /** The names of the built-in sources whose records are of the given kind, in declaration order. */
    public static List<String> namesOf(RecordKind kind) {
        return Arrays.stream(values()).filter(s -> s.kind == kind).map(BuiltInSource::sourceName).toList();
    }

    public static Optional<BuiltInSource> fromName(String name) {
        return Arrays.stream(values()).filter(s -> s.sourceName.equals(name)).findFirst();
    }
}
