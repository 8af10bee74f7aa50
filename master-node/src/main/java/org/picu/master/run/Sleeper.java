package org.picu.master.run;

import java.time.Duration;

/** Waits between attempts; tests pass one that waits less. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
