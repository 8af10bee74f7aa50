package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.picu.tier2.config.ApiCacheConfig;

/**
 * The serialised answers of read endpoints, keyed by path and decoded query, so that a dashboard polling the same
 * few URLs costs the database one computation per URL and data change instead of one per request.
 *
 * <p>An answer is fresh while the data version ({@link LedgerWatch}) is the one it was computed at and it is younger
 * than {@code max-age}. A stale answer is recomputed by one request; requests arriving meanwhile get the stale one
 * instead of queueing behind it or all computing it. So a load is visible at the latest after one ledger check
 * interval, one ledger read and one computation; an answer that depends on the clock ("the last 24 hours") lags it
 * by at most {@code max-age} and one computation. Only 200 answers are kept; errors are always computed.
 *
 * <p>Memory is bounded: at most {@link #MAX_ENTRIES} answers of at most {@link #MAX_BODY_BYTES} each, and keys of at
 * most {@link #MAX_KEY_LENGTH} characters; when full the cache starts over (a flood of distinct URLs costs what it
 * would cost without a cache).
 */
public final class ResponseCache implements AutoCloseable {
    static final int MAX_ENTRIES = 2048;
    static final int MAX_BODY_BYTES = 1 << 20;
    static final int MAX_KEY_LENGTH = 1024;

    private final LedgerWatch ledger;
    private final long maxAgeNanos;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** A serialised 200 answer, its validator, and its gzip form (null when {@link Gzip} would not compress it). */
    record Answer(String contentType, byte[] body, String etag, byte[] gzipped) {
        static Answer of(String contentType, byte[] body) {
            return new Answer(contentType, body, ResponseCache.etag(body), Gzip.compressible(body));
        }
    }

    private static final class Entry {
        final Answer answer;
        final long version;
        final long computedAtNanos;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(Answer answer, long version, long computedAtNanos) {
            this.answer = answer;
            this.version = version;
            this.computedAtNanos = computedAtNanos;
        }
    }

    /** Computes an answer on a miss; a null result (an error answer) is not kept. */
    @FunctionalInterface
    interface Computation {
        Answer compute() throws Exception;
    }

    private ResponseCache(LedgerWatch ledger, Duration maxAge) {
        this.ledger = ledger;
        this.maxAgeNanos = maxAge.toNanos();
    }

    /** Starts watching {@code load_ledger} as {@code config} says. */
    public static ResponseCache start(DataSource dataSource, ApiCacheConfig config) {
        requireNonNull(config, "config is null");
        if (!config.enabled()) {
            throw new IllegalArgumentException("the response cache is disabled by api.cache.enabled");
        }
        return new ResponseCache(LedgerWatch.start(dataSource, config.checkInterval()), config.maxAge());
    }

    /**
     * The answer for {@code key}: the kept one while fresh (or while another request recomputes it), else the one
     * {@code computation} returns now.
     */
    Answer get(String key, Computation computation) throws Exception {
        if (key.length() > MAX_KEY_LENGTH) {
            return computation.compute();
        }
        long version = ledger.version();
        long now = System.nanoTime(); // monotonic: a wall-clock step cannot freeze or flush the cache
        Entry entry = entries.get(key);
        if (entry != null) {
            boolean fresh = entry.version == version && now - entry.computedAtNanos < maxAgeNanos;
            if (fresh || !entry.refreshing.compareAndSet(false, true)) {
                return entry.answer;
            }
        }
        Answer answer;
        try {
            answer = computation.compute();
        } catch (Exception | Error e) {
            entries.remove(key, entry);
            throw e;
        }
        if (answer == null || answer.body().length > MAX_BODY_BYTES) {
            entries.remove(key, entry);
            return answer;
        }
        if (entries.size() >= MAX_ENTRIES && !entries.containsKey(key)) {
            entries.clear();
        }
        entries.put(key, new Entry(answer, version, now));
        return answer;
    }

    /** A load in this process finished: every kept answer is out of date. */
    public void dataChanged() {
        ledger.dataChanged();
    }

    /**
     * An entity tag for a body: the same bytes give the same tag, in this process and across restarts. Weak, because
     * the gzipped and the plain transfer of one answer share it (a strong tag would have to differ between them).
     */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Stops watching the ledger. */
    @Override
    public void close() {
        ledger.close();
    }
}
