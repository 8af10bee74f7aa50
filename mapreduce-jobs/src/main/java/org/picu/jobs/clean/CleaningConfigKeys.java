package org.picu.jobs.clean;

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

    /**
     * Whether the map side drops duplicates before the shuffle (the combiner). Worth it when a map task's
     * input repeats keys (a worker re-crawling an unchanged ticker); it costs CPU on every record.
     */
    public static final String COMBINE = "picu.clean.combine";
    public static final boolean COMBINE_DEFAULT = true;

    private CleaningConfigKeys() {
    }
}
