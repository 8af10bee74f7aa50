package org.picu.jobs.publish;

import java.io.IOException;

/** A run's partition lock is no longer its own: it must not publish. */
public class LockLostException extends IOException {
    public LockLostException(String lockPath, String why) {
        super("partition lock " + lockPath + " lost: " + why + "; the run publishes nothing");
    }
}
