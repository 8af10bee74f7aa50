package org.picu.worker.fetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Makes requests to one host start at least a minimum delay apart. */
final class HostPacer {
    private final long delayNanos;
    private final Map<String, Long> lastStart = new HashMap<>();

    HostPacer(Duration delay) {
        this.delayNanos = delay.toNanos();
    }

    /** Waits until the host may be asked again, then records this request's start. */
    synchronized void awaitTurn(String host) throws InterruptedException {
        Long last = lastStart.get(host);
        if (last != null) {
            long wait = last + delayNanos - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        lastStart.put(host, System.nanoTime());
    }
}
