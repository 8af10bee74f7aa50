package org.picu.worker.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.testkit.replay.ReplayRequest;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;

/**
 * Politeness against a real loopback server with fault routes; every claim is checked in the server's
 * request log, not in the client. Regression tests for the original's missing robots.txt, Retry-After and
 * backoff handling.
 */
class FetcherPolitenessTest {
    private static final Duration DELAY = Duration.ofMillis(200);

    @Test
    void n_requests_to_one_host_take_at_least_n_minus_one_delays_even_with_jitter() throws Exception {
        FetchConfig withJitter = new FetchConfig(FetchConfig.DEFAULT_USER_AGENT, Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1 << 20, DELAY, Duration.ofMillis(50), Duration.ofHours(1), 1,
                Duration.ZERO, Duration.ZERO, 5, Duration.ofMinutes(1));
        try (ReplayServer site = ReplayServer.start("politeness")) {
            Fetcher fetcher = new Fetcher(withJitter);
            int n = 5;
            for (int i = 0; i < n; i++) {
                fetcher.get(url(site, "/page"));
            }

            List<Instant> times = arrivals(site, "/page");
            assertEquals(n, times.size());
            Duration spread = Duration.between(times.get(0), times.get(n - 1));
            assertTrue(spread.compareTo(DELAY.multipliedBy(n - 1)) >= 0, n + " requests took only " + spread);
            for (int i = 1; i < n; i++) {
                assertTrue(Duration.between(times.get(i - 1), times.get(i)).compareTo(DELAY) >= 0, "gap " + i);
            }
        }
    }

    @Test
    void a_path_robots_txt_disallows_is_never_fetched_and_robots_txt_is_asked_for_once() throws Exception {
        try (ReplayServer site = ReplayServer.start("politeness")) {
            Fetcher fetcher = new Fetcher(fast());

            FetchException refused =
                    assertThrows(FetchException.class, () -> fetcher.get(url(site, "/private/secret")));
            fetcher.get(url(site, "/page"));
            assertThrows(FetchException.class, () -> fetcher.get(url(site, "/private/secret")));

            assertTrue(refused.getMessage().contains("disallowed by robots.txt"), refused.getMessage());
            assertEquals(0, site.requestCount("/private/secret"), "the server never saw the disallowed path");
            assertEquals(1, site.requestCount("/robots.txt"));
            assertEquals(List.of("/page"), site.requestedPaths());
        }
    }

    @Test
    void the_robots_cache_outlives_one_run_until_its_ttl() throws Exception {
        try (ReplayServer site = ReplayServer.start("politeness")) {
            RobotsCache shared = new RobotsCache(Duration.ofHours(1), Clock.systemUTC());
            new Fetcher(fast(), Clock.systemUTC(), shared).get(url(site, "/page"));
            new Fetcher(fast(), Clock.systemUTC(), shared).get(url(site, "/page"));
            new Fetcher(fast(), Clock.systemUTC(), new RobotsCache(Duration.ZERO.plusNanos(1), Clock.systemUTC()))
                    .get(url(site, "/page"));

            assertEquals(2, site.requestCount("/robots.txt"), "shared cache: once; expired cache: again");
        }
    }

    @Test
    void a_larger_robots_crawl_delay_wins_over_the_host_delay() throws Exception {
        try (ReplayServer site = ReplayServer.start("crawl-delay")) {
            Fetcher fetcher = new Fetcher(fast());
            fetcher.get(url(site, "/page"));
            fetcher.get(url(site, "/page"));

            List<Instant> times = arrivals(site, "/page");
            assertTrue(Duration.between(times.get(0), times.get(1)).toMillis() >= 1000, "Crawl-delay: 1 honoured");
        }
    }

    @Test
    void robots_txt_answering5xx_defers_the_host_and_the_host_is_not_asked_again_this_run() {
        try (ReplayServer site = ReplayServer.start("robots-down")) {
            Fetcher fetcher = new Fetcher(fast());

            FetchException first = assertThrows(FetchException.class, () -> fetcher.get(url(site, "/page")));
            assertThrows(FetchException.class, () -> fetcher.get(url(site, "/page")));

            assertTrue(first.getMessage().contains("robots.txt is unavailable (HTTP 503)"), first.getMessage());
            assertEquals(0, site.requestCount("/page"));
            assertEquals(1, site.requestCount("/robots.txt"));
        }
    }

    @Test
    void robots_txt_answering4xx_means_no_rules() throws Exception {
        try (ReplayServer site = ReplayServer.start("robots-forbidden")) {
            assertEquals(200, new Fetcher(fast()).get(url(site, "/page")).status());
        }
    }

    @Test
    void retry_after_on429_is_honoured_before_the_retry() throws Exception {
        try (ReplayServer site = ReplayServer.start("politeness")) {
            FetchResponse response = new Fetcher(fast()).get(url(site, "/busy"));

            assertEquals(200, response.status());
            List<ReplayRequest> busy = site.requests().stream().filter(r -> r.path().equals("/busy")).toList();
            assertEquals(List.of(429, 200), busy.stream().map(ReplayRequest::status).toList());
            assertTrue(Duration.between(busy.get(0).receivedAt(), busy.get(1).receivedAt()).toMillis() >= 1000,
                    "waited the second Retry-After asked for");
        }
    }

    @Test
    void a_retry_after_longer_than_the_backoff_cap_skips_the_host_for_the_run() {
        try (ReplayServer site = ReplayServer.start("politeness")) {
            Fetcher fetcher = new Fetcher(fast());

            FetchException e = assertThrows(FetchException.class, () -> fetcher.get(url(site, "/long-busy")));
            assertThrows(FetchException.class, () -> fetcher.get(url(site, "/page")));

            assertEquals(503, e.status());
            assertEquals(1, site.requestCount("/long-busy"), "no retry inside the hour it asked for");
            assertEquals(0, site.requestCount("/page"), "the host is skipped for the rest of the run");
        }
    }

    @Test
    void errors_back_off_exponentially_and_the_host_is_skipped_after_the_error_limit() {
        FetchConfig config = fast().withBackoff(2, Duration.ofMillis(150), Duration.ofSeconds(2), 3);
        try (ReplayServer site = ReplayServer.start("politeness")) {
            Fetcher fetcher = new Fetcher(config);

            assertThrows(FetchException.class, () -> fetcher.get(url(site, "/down")));
            FetchException last = assertThrows(FetchException.class, () -> fetcher.get(url(site, "/down")));
            FetchException skipped = assertThrows(FetchException.class, () -> fetcher.get(url(site, "/page")));

            assertEquals(503, last.status());
            assertTrue(skipped.getMessage().contains("host skipped for this run"), skipped.getMessage());
            List<Instant> times = arrivals(site, "/down");
            assertEquals(3, times.size(), "two tries, then one more error reaches the limit of 3");
            assertTrue(Duration.between(times.get(0), times.get(1)).toMillis() >= 150, "first backoff");
            assertTrue(Duration.between(times.get(1), times.get(2)).toMillis() >= 300, "doubled backoff");
            assertEquals(0, site.requestCount("/page"));
        }
    }

    @Test
    void the_run_time_limit_stops_fetching() throws Exception {
        // Each request waits the host delay after the previous one ended, so the responses' latency adds up: the
        // limit leaves 500 ms of it for the first three requests (a first HTTP call in a cold JVM on a loaded CI
        // machine took more than the 100 ms an earlier version allowed).
        FetchConfig config = fast().withHostDelay(Duration.ofMillis(1000)).withRunTimeLimit(Duration.ofMillis(2500));
        try (ReplayServer site = ReplayServer.start("politeness")) {
            Fetcher fetcher = new Fetcher(config);
            fetcher.get(url(site, "/page")); // robots.txt at 0 ms, page at 1,000 ms
            fetcher.get(url(site, "/page")); // 2,000 ms; the next would start at 3,000 ms, after the limit

            FetchException e = assertThrows(FetchException.class, () -> fetcher.get(url(site, "/page")));

            assertTrue(e.getMessage().contains("fetch.run-time-limit"), e.getMessage());
            assertEquals(2, site.requestCount("/page"));
        }
    }

    @Test
    void the_user_agent_is_honest_and_configurable() throws Exception {
        FetchConfig config = new FetchConfig("picu-crawler/9 (+mailto:ops@example.org)", Duration.ofSeconds(5),
                Duration.ofSeconds(5), 1 << 20, Duration.ZERO);
        try (ReplayServer site = ReplayServer.start("politeness")) {
            new Fetcher(config).get(url(site, "/page"));

            assertTrue(site.requests().stream()
                    .allMatch(r -> r.userAgent().equals("picu-crawler/9 (+mailto:ops@example.org)")));
            assertFalse(site.requests().isEmpty());
        }
    }

    private static FetchConfig fast() {
        return FetchConfig.defaults().withHostDelay(Duration.ZERO)
                .withBackoff(3, Duration.ofMillis(10), Duration.ofSeconds(5), 5);
    }

    private static List<Instant> arrivals(ReplayServer site, String path) {
        return site.requests().stream().filter(r -> r.path().equals(path)).map(ReplayRequest::receivedAt).toList();
    }

    private static URI url(ReplayServer site, String path) {
        return URI.create(site.baseUrl() + path);
    }
}
