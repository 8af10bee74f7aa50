package org.picu.demo.replay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The time the demo's replay sites and its history crawl share: set to a past instant while the history is
 * crawled (the worker's fetcher stamps each record with it, and the sites answer as they would have then), and
 * following the system clock from {@link #live()} on.
 */
public final class SiteClock extends Clock {
    private volatile Instant fixed;

    /** A clock that follows the system clock until {@link #set} is called. */
    public SiteClock() {
    }

    /** From now on the clock reads {@code instant} until set again or made live. */
    public void set(Instant instant) {
        this.fixed = instant;
    }

    /** From now on the clock follows the system clock. */
    public void live() {
        this.fixed = null;
    }

    @Override
    public Instant instant() {
        Instant at = fixed;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the site clock is UTC only");
    }
}
