package org.picu.worker.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.picu.testkit.replay.ReplayRequest;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;

class FetcherTest {
    private static final Instant NOW = Instant.parse("2026-11-21T03:04:05.678Z");
    private ReplayServer site;

    @BeforeEach
    void start() {
        site = ReplayServer.start("fetch-check");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void fetches_with_the_configured_user_agent_and_stamps_the_response() throws Exception {
        Fetcher fetcher = new Fetcher(config(), Clock.fixed(NOW, ZoneOffset.UTC));

        FetchResponse response = fetcher.get(url("/ok"));

        assertEquals(200, response.status());
        assertArrayEquals("{\"ok\":true}\n".getBytes(StandardCharsets.UTF_8), response.body());
        assertEquals("application/json;charset=UTF-8", response.contentType());
        assertEquals(NOW, response.fetchedAt());
        assertEquals(FetchConfig.DEFAULT_USER_AGENT, site.requests().get(0).userAgent(), "robots.txt request");
        assertEquals(FetchConfig.DEFAULT_USER_AGENT, site.requests().get(1).userAgent(), "page request");
    }

    @Test
    void an_error_status_is_a_fetch_exception_with_url_and_status() {
        Fetcher fetcher = new Fetcher(config());

        FetchException e = assertThrows(FetchException.class, () -> fetcher.get(url("/unavailable")));

        assertEquals(503, e.status());
        assertEquals(url("/unavailable"), e.url());
        assertTrue(e.getMessage().contains("returned HTTP 503"), e.getMessage());
    }

    @Test
    void a_body_over_the_cap_is_refused() throws Exception {
        Fetcher capped =
                new Fetcher(new FetchConfig("t", Duration.ofSeconds(5), Duration.ofSeconds(5), 1024, Duration.ZERO)
                        .withBackoff(1, Duration.ZERO, Duration.ZERO, 5));

        FetchException e = assertThrows(FetchException.class, () -> capped.get(url("/big")));

        assertEquals(FetchException.NO_STATUS, e.status());
        assertTrue(e.getMessage().contains("fetch.max-body-bytes (1024 bytes)"), e.getMessage());
        assertEquals(4036, new Fetcher(config()).get(url("/big")).body().length, "the default cap lets it through");
    }

    @Test
    void a_slow_answer_times_out() {
        Fetcher impatient = new Fetcher(new FetchConfig("t", Duration.ofSeconds(5), Duration.ofMillis(300),
                1024, Duration.ZERO).withBackoff(1, Duration.ZERO, Duration.ZERO, 5));

        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> impatient.get(url("/slow")));

        assertEquals(FetchException.NO_STATUS, e.status());
        assertTrue(System.nanoTime() - start < 1_400_000_000L, "gave up before the 1.5 s answer");
    }

    @Test
    void a_refused_connection_is_a_fetch_exception() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        URI nobody = URI.create("http://127.0.0.1:" + freePort + "/");

        FetchException e = assertThrows(FetchException.class, () -> new Fetcher(config()).get(nobody));

        assertEquals(nobody, e.url());
        assertEquals(FetchException.NO_STATUS, e.status());
    }

    @Test
    void requests_to_one_host_are_spaced_by_the_host_delay() throws Exception {
        Fetcher polite = new Fetcher(config().withHostDelay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        polite.get(url("/ok"));
        polite.get(url("/ok"));

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 300, "two requests took only " + millis + " ms");
    }

    @Test
    void the_delay_is_per_host() throws Exception {
        Fetcher polite = new Fetcher(config().withHostDelay(Duration.ofSeconds(2)));
        polite.get(url("/ok")); // 127.0.0.1: robots.txt, then the page two seconds later

        polite.get(URI.create("http://localhost:" + site.port() + "/ok"));

        List<ReplayRequest> log = site.requests();
        assertEquals(4, log.size());
        assertTrue(Duration.between(log.get(0).receivedAt(), log.get(1).receivedAt()).toMillis() >= 2000, "same host");
        // well below the 2 s delay, with room for a busy machine
        assertTrue(Duration.between(log.get(1).receivedAt(), log.get(2).receivedAt()).toMillis() < 1500,
                "a different host does not wait");
    }

    private static FetchConfig config() {
        return FetchConfig.defaults().withHostDelay(Duration.ZERO)
                .withBackoff(2, Duration.ofMillis(10), Duration.ofMillis(50), 5);
    }

    private URI url(String path) {
        return URI.create(site.baseUrl() + path);
    }
}
