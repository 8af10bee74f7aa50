package org.picu.worker.fetch;

/**
 * What one fetcher knows about one host during a run: when it last answered, when it may be asked next, how many errors
 * in a row it
 * gave, and whether it is skipped for the rest of the run. Times are {@link System#nanoTime()} values.
 */
final class HostState {
    /** When the last answer from this host ended (or the request failed). */
    long lastEndNanos = Long.MIN_VALUE;
    long notBeforeNanos = Long.MIN_VALUE;
    int consecutiveErrors;
    String skippedBecause;
    /** The outcome that made the host skipped when the site refused the crawler, else null. */
    String blockedReason;

    boolean skipped() {
        return skippedBecause != null;
    }
}
