package org.picu.worker.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.testkit.replay.ReplayRequest;
import org.picu.testkit.replay.ReplayServer;
import org.picu.worker.config.FetchConfig;
import org.picu.worker.spool.MutableClock;

/** Bot challenges, bans and rate-limit headers: refused requests end at once, counted, with a cool-down. */
class FetchGuardTest {
    @TempDir
    Path spool;
    private ReplayServer site;

    @BeforeEach
    void start() {
        site = ReplayServer.start("fetch-guard");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void a403_challenge_ends_the_request_at_once_and_cools_the_host_down() throws Exception {
        HostCooldowns cooldowns = HostCooldowns.at(spool, Clock.systemUTC());
        Fetcher fetcher = fetcher(cooldowns);

        BlockedException e = assertThrows(BlockedException.class, () -> fetcher.get(url("/cf403")));

        assertEquals(FetchOutcome.BLOCKED_BY_CHALLENGE, e.reason());
        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("cf-mitigated: challenge"), e.getMessage());
        assertEquals(1, site.requestCount("/cf403"), "a challenge is never retried");
        assertTrue(cooldowns.active(hostKey()).isPresent());
        assertEquals(Map.of(FetchOutcome.BLOCKED_BY_CHALLENGE, 1), fetcher.outcomes());

        BlockedException again = assertThrows(BlockedException.class, () -> fetcher.get(url("/jsd")));
        assertEquals(FetchOutcome.BLOCKED_BY_CHALLENGE, again.reason(), "the rest of the run skips the host");
        assertEquals(0, site.requestCount("/jsd"));
    }

    @Test
    void a503_challenge_is_not_retried_despite_its_retry_after() {
        Fetcher fetcher = fetcher(HostCooldowns.inMemory(Clock.systemUTC()));

        BlockedException e = assertThrows(BlockedException.class, () -> fetcher.get(url("/cf503")));

        assertEquals(503, e.status());
        assertEquals(1, site.requestCount("/cf503"));
    }

    @Test
    void the_challenge_page_is_recognised_with_status200_and_no_header() {
        Fetcher fetcher = fetcher(HostCooldowns.inMemory(Clock.systemUTC()));

        BlockedException e = assertThrows(BlockedException.class, () -> fetcher.get(url("/cf200")));

        assertEquals(FetchOutcome.BLOCKED_BY_CHALLENGE, e.reason());
        assertTrue(e.getMessage().contains("_cf_chl_opt"), e.getMessage());
    }

    @Test
    void an_ordinary_page_behind_cloudflare_with_its_bot_script_is_not_a_challenge() throws Exception {
        Fetcher fetcher = fetcher(HostCooldowns.inMemory(Clock.systemUTC()));

        FetchResponse page = fetcher.get(url("/jsd"));

        assertTrue(page.text().contains("Bitcoin holds its range"));
        assertEquals(Map.of(FetchOutcome.OK, 1), fetcher.outcomes());
    }

    @Test
    void a418_ban_is_not_retried_and_its_growing_cool_down_survives_a_restart() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-21T03:00:00Z"));
        HostCooldowns first = HostCooldowns.at(spool, clock);

        BlockedException e = assertThrows(BlockedException.class, () -> fetcher(first).get(url("/v1/ticker")));

        assertEquals(FetchOutcome.HTTP_418, e.reason());
        assertEquals(1, site.requestCount("/v1/ticker"));
        assertTrue(Files.exists(spool.resolve(HostCooldowns.FILE)));
        // Retry-After: 600 is longer than the first 5-minute cool-down, so it wins.
        assertEquals(clock.instant().plusSeconds(600), first.active(hostKey()).orElseThrow().until());

        // A new process (the next cron run, a restarted daemon) reads the cool-down and does not ask.
        HostCooldowns restarted = HostCooldowns.at(spool, clock);
        BlockedException cooling = assertThrows(BlockedException.class,
                () -> fetcher(restarted).get(url("/v1/ticker")));
        assertEquals(FetchOutcome.HOST_COOLING_DOWN, cooling.reason());
        assertTrue(cooling.getMessage().contains("http_418"), cooling.getMessage());
        assertEquals(1, site.requestCount("/v1/ticker"), "no request while cooling down");

        // After the cool-down the host is asked again; a second ban in a row doubles the base wait.
        clock.advance(Duration.ofMinutes(11));
        assertTrue(restarted.active(hostKey()).isEmpty());
        HostCooldowns.Entry second = restarted.strike(hostKey(), FetchOutcome.HTTP_418, HostCooldowns.BAN_BASE,
                Duration.ZERO);
        assertEquals(2, second.strikes());
        assertEquals(clock.instant().plus(Duration.ofMinutes(10)), second.until());
        HostCooldowns.Entry third = restarted.strike(hostKey(), FetchOutcome.HTTP_418, HostCooldowns.BAN_BASE,
                Duration.ZERO);
        assertEquals(clock.instant().plus(Duration.ofMinutes(20)), third.until());
        // A day without strikes forgets them.
        clock.advance(Duration.ofHours(25));
        assertEquals(1, restarted.strike(hostKey(), FetchOutcome.HTTP_418, HostCooldowns.BAN_BASE, Duration.ZERO)
                .strikes());
    }

    @Test
    void a_damaged_cool_down_file_is_ignored_not_fatal() throws Exception {
        Files.writeString(spool.resolve(HostCooldowns.FILE), "{\"api.upbit.com:-1\": {\"until\": \"yesterday\"");

        HostCooldowns cooldowns = HostCooldowns.at(spool, Clock.systemUTC());

        assertTrue(cooldowns.all().isEmpty());
    }

    @Test
    void a_remaining_req_near_zero_makes_the_next_request_wait_for_the_next_second() throws Exception {
        Fetcher fetcher = fetcher(HostCooldowns.inMemory(Clock.systemUTC()));

        fetcher.get(url("/quota")); // sec=0
        fetcher.get(url("/quota")); // sec=9
        fetcher.get(url("/quota"));

        List<ReplayRequest> quota = site.requests().stream().filter(r -> r.path().equals("/quota")).toList();
        long afterLow = Duration.between(quota.get(0).receivedAt(), quota.get(1).receivedAt()).toMillis();
        long afterOk = Duration.between(quota.get(1).receivedAt(), quota.get(2).receivedAt()).toMillis();
        assertTrue(afterLow >= 950, "waited only " + afterLow + " ms after sec=0");
        assertTrue(afterOk < 900, "waited " + afterOk + " ms although 9 requests were left");
    }

    @Test
    void remaining_req_is_parsed_as_upbit_documents_it() {
        assertEquals(
                new RemainingReq("ticker", 29),
                RemainingReq.parse("group=ticker; min=1800; sec=29").orElseThrow());
        assertEquals(
                new RemainingReq("default", 0),
                RemainingReq.parse("group=default; min=1800; sec=0").orElseThrow());
        assertTrue(RemainingReq.parse("group=default; min=1800; sec=0").orElseThrow().low());
        assertFalse(RemainingReq.parse("group=market; sec=5").orElseThrow().low());
        assertTrue(RemainingReq.parse("group=market; min=5").isEmpty(), "no sec, nothing to go by");
        assertTrue(RemainingReq.parse(null).isEmpty());
    }

    private Fetcher fetcher(HostCooldowns cooldowns) {
        FetchConfig config = FetchConfig.defaults().withHostDelay(Duration.ZERO)
                .withBackoff(3, Duration.ofMillis(10), Duration.ofSeconds(5), 5);
        return new Fetcher(config, Clock.systemUTC(), new RobotsCache(config.robotsTtl(), Clock.systemUTC()),
                cooldowns, null);
    }

    private String hostKey() {
        return "127.0.0.1:" + site.port();
    }

    private URI url(String path) {
        return URI.create(site.baseUrl() + path);
    }
}
