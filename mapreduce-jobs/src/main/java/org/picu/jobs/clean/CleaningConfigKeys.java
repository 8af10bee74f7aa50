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

    private CleaningConfigKeys() {
    }
}
