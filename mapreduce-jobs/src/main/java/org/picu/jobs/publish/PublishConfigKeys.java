package org.picu.jobs.publish;

/** Configuration keys shared by every job that publishes a partition. */
public final class PublishConfigKeys {
    /** The HDFS layout root ({@code /} on a cluster, a {@code file:} URI in standalone mode). */
    public static final String ROOT = "picu.root";
    public static final String ROOT_DEFAULT = "/";

    /**
     * After this long a partition lock is considered abandoned (its run crashed) and is taken over.
     * Longer than any job on a Pi cluster takes.
     */
    public static final String LOCK_TTL_MS = "picu.lock.ttl-ms";
    public static final long LOCK_TTL_MS_DEFAULT = 6L * 60 * 60 * 1000;

    private PublishConfigKeys() {
    }
}
