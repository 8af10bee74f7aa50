package org.picu.model;

import java.util.Optional;

/** What a crawled record describes; decides which cleaning job reads it. */
public enum RecordKind {
    NEWS("news"),
    MARKET_TICK("market_tick"),
    FEAR_GREED("fear_greed");

    private final String wireName;

    RecordKind(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in the JSON envelope. */
    public String wireName() {
        return wireName;
    }

    private static final RecordKind[] KINDS = values();

    /** The kind with this wire name, if there is one. */
    public static Optional<RecordKind> fromWireName(String name) {
        // A plain loop over a shared array: the cleaning jobs look up every record's kind.
        for (RecordKind k : KINDS) {
            if (k.wireName.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
