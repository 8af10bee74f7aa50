package org.picu.worker.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed robots.txt rules per site ({@code scheme://host:port}), kept for a time to live so that a daemon
 * does not ask for robots.txt before every run, yet notices a changed file within a day. Shared by the
 * fetchers of successive runs; thread-safe.
 */
public final class RobotsCache {
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public RobotsCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<BaseRobotRules> get(String site) {
        Entry entry = entries.get(site);
        if (entry == null || !clock.instant().isBefore(entry.expires)) {
            return Optional.empty();
        }
        return Optional.of(entry.rules);
    }

    void put(String site, BaseRobotRules rules) {
        entries.put(site, new Entry(rules, clock.instant().plus(ttl)));
    }

    private record Entry(BaseRobotRules rules, Instant expires) {
    }
}
