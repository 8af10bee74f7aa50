package org.picu.jobs.clean.io;

/**
 * Keys every cleaning job shares. Each job's own keys ({@code picu.clean-<job>.*}) live in its
 * {@code *ConfigKeys} type.
 */
public final class CleaningConfigKeys {
    /**
     * Set by the driver, read by the mappers: the file holding the keys already published for earlier
     * days ({@link PublishedKeys}). Not meant to be set by hand.
     */
    public static final String PUBLISHED_KEYS_FILE = "picu.clean.published-keys.file";

    /** Set by the driver, read by every task: the job's {@link CleaningRules} class. Not meant to be set by hand. */
    static final String RULES = "picu.clean.rules";

    /**
     * Whether the map side drops duplicates before the shuffle (the combiner). Off by default: it decodes and
     * re-encodes every record of every spill, which cost more CPU than the shuffle it saved (it only sees
     * duplicates within one map task's spill; measured with {@code bench/mapreduce-clean.sh}). Turn it on
     * when a map task's input repeats many keys and the network is the bottleneck. Either way the reducer keeps
     * the same winner: keeping the first of a total order does not depend on how often it is applied.
     */
    public static final String COMBINE = "picu.clean.combine";
    public static final boolean COMBINE_DEFAULT = false;

    private CleaningConfigKeys() {
    }
}
