package org.picu.worker.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.picu.worker.config.FetchConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polite HTTP GET for spiders; one fetcher serves one crawl run.
 *
 * <ul>
 *   <li>an honest user agent, connect and read timeouts and a body-size cap;</li>
 *   <li>robots.txt per site (RFC 9309 via crawler-commons, cached in a {@link RobotsCache}): a disallowed URL
 *       is never requested; a robots.txt answering 429/5xx or not at all defers the whole host for this run;</li>
 *   <li>per host, a request starts at least {@code fetch.host-delay} (or the robots {@code Crawl-delay}, if
 *       larger) plus a random jitter after the previous answer ended, so the site sees that gap even when
 *       an answer was slow;</li>
 *   <li>{@code Retry-After} on 429/503 is honoured; after an error a host waits an exponential backoff; a
 *       retryable answer (429, 5xx, no answer) is retried up to {@code fetch.max-attempts}; after
 *       {@code fetch.host-error-limit} errors in a row the host is skipped for the rest of the run;</li>
 *   <li>the run stops fetching after {@code fetch.run-time-limit}.</li>
 * </ul>
 *
 * <p>There is deliberately no response cache: the original system's one-hour cache replayed stale prices
 * and even cached error responses. Anything but a 2xx answer is a {@link FetchException}. Not thread-safe.
 */
public final class Fetcher {
    private static final Logger LOG = LoggerFactory.getLogger(Fetcher.class);

    private final FetchConfig config;
    private final Clock clock;
    private final RobotsCache robots;
    private final RobotsPolicy robotsPolicy;
    private final HttpTransport transport;
    private final Map<String, HostState> hosts = new HashMap<>();
    private final long deadlineNanos;

    public Fetcher(FetchConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock stamps {@link FetchResponse#fetchedAt()}; tests pass a fixed one */
    public Fetcher(FetchConfig config, Clock clock) {
        this(config, clock, new RobotsCache(config.robotsTtl(), Clock.systemUTC()));
    }

    /** @param robots robots.txt rules shared with earlier runs (the daemon keeps one for its whole life) */
    public Fetcher(FetchConfig config, Clock clock, RobotsCache robots) {
        this.config = config;
        this.clock = clock;
        this.robots = robots;
        this.robotsPolicy = new RobotsPolicy(config.userAgent());
        this.transport = new HttpTransport(config);
        this.deadlineNanos = System.nanoTime() + config.runTimeLimit().toNanos();
    }

    /**
     * Fetches a URL completely, politely.
     *
     * @throws FetchException on a non-2xx status, a timeout, a body over the cap, a network error, a URL
     *     robots.txt disallows, a skipped host or the end of the run's time
     */
    public FetchResponse get(URI url) throws FetchException {
        try {
            HostState host = hosts.computeIfAbsent(hostKey(url), k -> new HostState());
            if (host.skipped()) {
                throw new FetchException(url, FetchException.NO_STATUS, "host skipped for this run: " + host.skippedBecause);
            }
            BaseRobotRules rules = rulesFor(url, host);
            if (!rules.isAllowed(url.toString())) {
                throw new FetchException(url, FetchException.NO_STATUS, "disallowed by robots.txt for "
                        + RobotsPolicy.productToken(config.userAgent()) + "; not fetched");
            }
            long crawlDelayMs = rules.getCrawlDelay() > 0 ? rules.getCrawlDelay() : 0;
            for (int attempt = 1; ; attempt++) {
                pace(url, host, crawlDelayMs);
                Optional<FetchResponse> answer = attempt(url, host, attempt);
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, FetchException.NO_STATUS, "interrupted", e);
        }
    }

    /** One try; empty means "retry", an exception ends the request. */
    private Optional<FetchResponse> attempt(URI url, HostState host, int attempt)
            throws FetchException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = transport.get(url, config.maxBodyBytes());
        } catch (FetchException e) {
            host.lastEndNanos = System.nanoTime();
            boolean tooLarge = e.getCause() instanceof CappedBodySubscriber.BodyTooLargeException;
            if (tooLarge) {
                throw e;
            }
            failed(url, host, e, attempt);
            return Optional.empty();
        }
        host.lastEndNanos = System.nanoTime();
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            host.consecutiveErrors = 0;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // Milliseconds, like every other time in PICU (the Avro schemas use timestamp-millis).
            return Optional.of(new FetchResponse(url, status, contentType, response.body(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        FetchException error = new FetchException(url, status, "expected a 2xx answer");
        if (status != 429 && status < 500) {
            throw error; // the page is missing or refused: retrying will not change that
        }
        if (status == 429 || status == 503) {
            Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            if (wait.isPresent()) {
                if (wait.get().compareTo(config.backoffMax()) > 0) {
                    host.skippedBecause = "it asked to wait " + wait.get() + " (Retry-After), more than fetch.backoff-max";
                    throw new FetchException(url, status, "Retry-After " + wait.get() + " exceeds fetch.backoff-max "
                            + config.backoffMax() + "; host skipped for this run");
                }
                host.notBeforeNanos = Math.max(host.notBeforeNanos, System.nanoTime() + wait.get().toNanos());
            }
        }
        failed(url, host, error, attempt);
        return Optional.empty();
    }

    /** Counts an error on the host, sets its backoff, and rethrows when no try is left. */
    private void failed(URI url, HostState host, FetchException error, int attempt) throws FetchException {
        host.consecutiveErrors++;
        long backoff = backoffNanos(host.consecutiveErrors);
        host.notBeforeNanos = Math.max(host.notBeforeNanos, System.nanoTime() + backoff);
        if (host.consecutiveErrors >= config.hostErrorLimit()) {
            host.skippedBecause = host.consecutiveErrors + " errors in a row (fetch.host-error-limit), last: "
                    + error.getMessage();
            LOG.warn("skipping {} for the rest of this run after {} errors in a row", hostKey(url),
                    host.consecutiveErrors);
            throw error;
        }
        if (attempt >= config.maxAttempts()) {
            throw error;
        }
        LOG.info("{}; try {} of {} after a backoff", error.getMessage(), attempt + 1, config.maxAttempts());
    }

    private long backoffNanos(int errors) {
        long base = config.backoffBase().toNanos();
        long max = config.backoffMax().toNanos();
        int shift = Math.min(errors - 1, 30);
        long wait = base > (max >> shift) ? max : base << shift;
        return Math.min(wait, max);
    }

    /** Robots rules of the URL's site: from the cache, or fetched now (paced like any request). */
    private BaseRobotRules rulesFor(URI url, HostState host) throws FetchException, InterruptedException {
        String site = siteKey(url);
        Optional<BaseRobotRules> cached = robots.get(site);
        if (cached.isPresent()) {
            return cached.get();
        }
        URI robotsUrl = RobotsPolicy.robotsUrl(url);
        pace(robotsUrl, host, 0);
        int status;
        HttpResponse<byte[]> response = null;
        try {
            response = transport.get(robotsUrl, RobotsPolicy.MAX_ROBOTS_BYTES);
            status = response.statusCode();
        } catch (FetchException e) {
            status = FetchException.NO_STATUS;
        } finally {
            host.lastEndNanos = System.nanoTime();
        }
        if (status == FetchException.NO_STATUS || RobotsPolicy.unreachable(status)) {
            host.skippedBecause = "its robots.txt is unavailable (" + (status == FetchException.NO_STATUS
                    ? "no answer" : "HTTP " + status) + "); RFC 9309 says to wait";
            LOG.warn("deferring {}: {}", site, host.skippedBecause);
            throw new FetchException(url, status, "not fetched: " + host.skippedBecause);
        }
        BaseRobotRules rules = robotsPolicy.fromAnswer(robotsUrl, status, response.body(),
                response.headers().firstValue("Content-Type").orElse("text/plain"));
        robots.put(site, rules);
        return rules;
    }

    /** Waits for the host's turn: delay or Crawl-delay plus jitter, and any backoff or Retry-After. */
    private void pace(URI url, HostState host, long crawlDelayMs) throws FetchException, InterruptedException {
        long delay = Math.max(config.hostDelay().toNanos(), crawlDelayMs * 1_000_000L);
        long jitter = config.hostJitter().toNanos();
        if (jitter > 0) {
            delay += ThreadLocalRandom.current().nextLong(jitter + 1);
        }
        long now = System.nanoTime();
        long start = now;
        if (host.lastEndNanos != Long.MIN_VALUE) {
            start = Math.max(start, host.lastEndNanos + delay);
        }
        if (host.notBeforeNanos != Long.MIN_VALUE) {
            start = Math.max(start, host.notBeforeNanos);
        }
        if (start - deadlineNanos > 0) {
            throw new FetchException(url, FetchException.NO_STATUS,
                    "fetch.run-time-limit " + config.runTimeLimit() + " reached; the rest of the run is skipped");
        }
        long wait = start - now;
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static String hostKey(URI url) {
        return (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + url.getPort();
    }

    private static String siteKey(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(url);
    }
}
