package org.picu.jobs.publish;

/** Configuration keys shared by every job that publishes a partition. */
public final class PublishConfigKeys {
    /** The HDFS layout root ({@code /} on a cluster, a {@code file:} URI in standalone mode). */
    public static final String ROOT = "picu.root";
    public static final String ROOT_DEFAULT = "/";

    /**
     * A partition lock not renewed for this long (its holder renews it every sixth of this while it runs) belongs to
     * a run that died and is taken over by a run on another host; a run on the holder's own host takes over a dead
     * holder's lock at once ({@link PartitionLock}).
     */
    public static final String LOCK_TTL_MS = "picu.lock.ttl-ms";
    public static final long LOCK_TTL_MS_DEFAULT = 3L * 60 * 1000;

    private PublishConfigKeys() {
    }
}
