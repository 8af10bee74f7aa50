package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Serves a parameterless endpoint's last successful answer for a short time. For aggregates such as the dashboard
 * summary (five queries) whose data changes only when a partition is loaded, a dashboard on every desk polling it
 * then costs the database one evaluation per interval instead of one per request. Errors are never cached.
 */
public final class CachedHandler implements Handler {
    private final Handler delegate;
    private final long ttlNanos;
    private volatile Entry entry;

    private record Entry(ApiResponse response, long expiresAtNanos) {
    }

    public CachedHandler(Handler delegate, Duration ttl) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public ApiResponse handle(ApiRequest request) throws Exception {
        Entry current = entry;
        long now = System.nanoTime(); // monotonic: a wall-clock step cannot freeze or flush the cache
        if (current != null && now - current.expiresAtNanos < 0) {
            return current.response;
        }
        ApiResponse response = delegate.handle(request);
        if (response.status() == 200) {
            entry = new Entry(response, now + ttlNanos);
        }
        return response;
    }
}
