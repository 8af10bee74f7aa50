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
import java.util.TreeMap;
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
 *   <li>the run stops fetching after {@code fetch.run-time-limit};</li>
 *   <li>a bot check ({@link Challenge}: {@code cf-mitigated: challenge} or Cloudflare's challenge page, any
 *       status) and an IP ban (HTTP 418) are never retried: the host is skipped for the run, put into a
 *       growing cool-down that survives restarts ({@link HostCooldowns}), and the request ends in a
 *       {@link BlockedException} that the crawl run records as its outcome;</li>
 *   <li>Upbit's {@code Remaining-Req} header is read: when the second's quota is nearly used up, the next
 *       request to the host waits for the next second;</li>
 *   <li>{@link #render} reads a page through the optional headless browser, with the same robots.txt,
 *       pacing and cool-down rules.</li>
 * </ul>
 *
 * <p>Every request try ends in one outcome word ({@link FetchOutcome}), counted in {@link #outcomes()}.
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
    private final HostCooldowns cooldowns;
    private final PageRenderer renderer;
    private final Map<String, HostState> hosts = new HashMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
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
        this(config, clock, robots, HostCooldowns.inMemory(Clock.systemUTC()), null);
    }

    /**
     * @param cooldowns host cool-downs shared with earlier runs and kept across restarts
     * @param renderer the headless browser for {@link #render}, or null when rendering is not configured
     */
    public Fetcher(
            FetchConfig config, Clock clock, RobotsCache robots, HostCooldowns cooldowns, PageRenderer renderer) {
        this.config = config;
        this.clock = clock;
        this.robots = robots;
        this.cooldowns = cooldowns;
        this.renderer = renderer;
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
            HostState host = admit(url);
            long crawlDelayMs = allowedCrawlDelay(url, host);
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

    /**
     * Reads a page through the headless browser: the DOM after its scripts ran. Robots.txt, host pacing,
     * skipped hosts and cool-downs apply as for {@link #get}; a rendered bot check is a
     * {@link BlockedException}. Never retried.
     *
     * @throws FetchException when no renderer is configured, the browser fails or times out, or as {@link #get}
     */
    public FetchResponse render(URI url) throws FetchException {
        try {
            HostState host = admit(url);
            long crawlDelayMs = allowedCrawlDelay(url, host);
            if (renderer == null) {
                count(FetchOutcome.RENDER_FAILED);
                throw new FetchException(url, FetchException.NO_STATUS,
                        "the source asks for render: true but no renderer is configured");
            }
            pace(url, host, crawlDelayMs);
            PageRenderer.Rendered page;
            try {
                page = renderer.render(url, config.userAgent(), config.maxBodyBytes());
            } catch (PageRenderer.RenderException e) {
                host.lastEndNanos = System.nanoTime();
                count(FetchOutcome.RENDER_FAILED);
                throw new FetchException(url, FetchException.NO_STATUS, "render failed: " + e.getMessage(), e);
            }
            host.lastEndNanos = System.nanoTime();
            Optional<String> challenge = Challenge.detectMarkup(page.dom());
            if (challenge.isPresent()) {
                throw blocked(url, host, 200, "the rendered page is a Cloudflare challenge (" + challenge.get() + ")");
            }
            count(FetchOutcome.RENDERED);
            LOG.info("rendered {} in {} ms; the browser (a separate process tree) peaked at {} KiB (PSS)", url,
                    page.elapsed().toMillis(), page.peakRssBytes() / 1024);
            return new FetchResponse(url, 200, "text/html;charset=UTF-8", page.dom(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, FetchException.NO_STATUS, "interrupted", e);
        }
    }

    /** Per outcome word ({@link FetchOutcome}), how many request tries of this fetcher ended so. */
    public Map<String, Integer> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The one place where a request try's outcome is recorded. */
    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** The host's state if it may be asked now; a skipped or cooling host ends the request. */
    private HostState admit(URI url) throws FetchException {
        String key = hostKey(url);
        HostState host = hosts.computeIfAbsent(key, k -> new HostState());
        if (host.skipped()) {
            if (host.blockedReason != null) {
                throw new BlockedException(url, FetchException.NO_STATUS, host.blockedReason,
                        "host skipped for this run: " + host.skippedBecause);
            }
            throw new FetchException(
                    url, FetchException.NO_STATUS, "host skipped for this run: " + host.skippedBecause);
        }
        Optional<HostCooldowns.Entry> cooling = cooldowns.active(key);
        if (cooling.isPresent()) {
            HostCooldowns.Entry e = cooling.get();
            count(FetchOutcome.HOST_COOLING_DOWN);
            host.blockedReason = FetchOutcome.HOST_COOLING_DOWN;
            host.skippedBecause = "it is cooling down until " + e.until() + " after " + e.reason() + " (strike "
                    + e.strikes() + ")";
            LOG.warn("not asking {}: {}", key, host.skippedBecause);
            throw new BlockedException(url, FetchException.NO_STATUS, FetchOutcome.HOST_COOLING_DOWN,
                    "not fetched: " + host.skippedBecause);
        }
        return host;
    }

    /** The robots.txt Crawl-delay in ms; a disallowed URL ends the request. */
    private long allowedCrawlDelay(URI url, HostState host) throws FetchException, InterruptedException {
        BaseRobotRules rules = rulesFor(url, host);
        if (!rules.isAllowed(url.toString())) {
            count(FetchOutcome.ROBOTS_DISALLOWED);
            throw new FetchException(url, FetchException.NO_STATUS, "disallowed by robots.txt for "
                    + RobotsPolicy.productToken(config.userAgent()) + "; not fetched");
        }
        return rules.getCrawlDelay() > 0 ? rules.getCrawlDelay() : 0;
    }

    /** Skips the host for the run, starts its cool-down, logs it and builds the exception ending the request. */
    private BlockedException blocked(URI url, HostState host, int status, String why) {
        return refused(url, host, status, FetchOutcome.BLOCKED_BY_CHALLENGE, why, HostCooldowns.CHALLENGE_BASE,
                Duration.ZERO);
    }

    private BlockedException refused(URI url, HostState host, int status, String outcome, String why, Duration base,
                                     Duration atLeast) {
        count(outcome);
        String key = hostKey(url);
        HostCooldowns.Entry entry = cooldowns.strike(key, outcome, base, atLeast);
        host.blockedReason = outcome;
        host.skippedBecause = why + "; cooling down until " + entry.until() + " (strike " + entry.strikes() + ")";
        LOG.warn("{}: {} {}; {} is skipped for this run and cools down until {} (strike {})", outcome, url, why, key,
                entry.until(), entry.strikes());
        return new BlockedException(url, status, outcome, why + "; host cooling down until " + entry.until());
    }

    /** One try; empty means "retry", an exception ends the request. */
    private Optional<FetchResponse> attempt(URI url, HostState host, int attempt)
            throws FetchException, InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = transport.get(url, config.maxBodyBytes());
        } catch (FetchException e) {
            host.lastEndNanos = System.nanoTime();
            count(FetchOutcome.NO_ANSWER);
            boolean tooLarge = e.getCause() instanceof CappedBodySubscriber.BodyTooLargeException;
            if (tooLarge) {
                throw e;
            }
            failed(url, host, e, attempt);
            return Optional.empty();
        }
        host.lastEndNanos = System.nanoTime();
        int status = response.statusCode();
        Optional<RemainingReq> quota = RemainingReq.parse(response.headers().firstValue("Remaining-Req").orElse(null));
        if (quota.isPresent() && quota.get().low()) {
            // The group's quota for this second is (nearly) used up: let the next second start first.
            host.notBeforeNanos = Math.max(host.notBeforeNanos, System.nanoTime() + 1_000_000_000L);
            LOG.debug("{}: Remaining-Req sec={} (group {}); the next request waits a second", url, quota.get().sec(),
                    quota.get().group());
        }
        Optional<String> challenge = Challenge.detect(status, response.headers(), response.body());
        if (challenge.isPresent()) {
            throw blocked(url, host, status, challenge.get());
        }
        if (status == 418) {
            Duration asked = RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .orElse(Duration.ZERO);
            throw refused(url, host, status, FetchOutcome.HTTP_418,
                    "HTTP 418: the site banned this address for a while after too many requests",
                    HostCooldowns.BAN_BASE, asked);
        }
        if (status >= 200 && status < 300) {
            count(FetchOutcome.OK);
            host.consecutiveErrors = 0;
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // Milliseconds, like every other time in PICU (the Avro schemas use timestamp-millis).
            return Optional.of(new FetchResponse(url, status, contentType, response.body(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        count(FetchOutcome.http(status));
        FetchException error = new FetchException(url, status, "expected a 2xx answer");
        if (status != 429 && status < 500) {
            throw error; // the page is missing or refused: retrying will not change that
        }
        if (status == 429 || status == 503) {
            Optional<Duration> wait = RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null),
                    clock.instant());
            if (wait.isPresent()) {
                if (wait.get().compareTo(config.backoffMax()) > 0) {
                    host.skippedBecause =
                            "it asked to wait " + wait.get() + " (Retry-After), more than fetch.backoff-max";
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
        if (response != null) {
            Optional<String> challenge = Challenge.detect(status, response.headers(), response.body());
            if (challenge.isPresent()) {
                throw blocked(url, host, status, "robots.txt answered with a bot check: " + challenge.get());
            }
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
