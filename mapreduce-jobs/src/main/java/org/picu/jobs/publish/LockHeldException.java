package org.picu.jobs.publish;

import java.io.IOException;

/** Another run holds the partition lock. */
public class LockHeldException extends IOException {
    public LockHeldException(String lockPath, String holder) {
        super("partition lock " + lockPath + " is held by run '" + holder + "'; wait for that run to finish, "
                + "or delete the lock file if you are sure no run is active");
    }
}
