package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.testkit.replay.ReplayServer;

/** {@code crawl upbit} against eight-decimal answers and against a 418 ban. */
class UpbitGuardIT {
    @TempDir
    Path dir;

    @Test
    void eight_decimal_prices_land_in_the_spool_exactly_as_upbit_sent_them() throws Exception {
        try (ReplayServer site = ReplayServer.start("upbit-decimals")) {
            ReplayCrawl.Result result = ReplayCrawl.run(dir, "upbit", """
                    upbit:
                      base-url: "%s"
                      symbols: [BTC, SHIB]
                    """.formatted(site.baseUrl()));

            assertEquals("crawl upbit: 2 records written, 0 rejected, 1 file rolled", result.summary());
            assertEquals(List.of("/v1/market/all?isDetails=false", "/v1/ticker?markets=KRW-BTC,KRW-SHIB"),
                    site.requestedPaths(), "the query parameter names of Upbit's API docs");
            String spooled = spoolText(dir.resolve("spool"));
            assertTrue(spooled.contains("\"price\":162876000.00000000,"), spooled);
            assertTrue(spooled.contains("\"price\":0.01834000,"), spooled);
        }
    }

    @Test
    void a418_ban_ends_the_run_as_http418_and_the_next_run_waits_out_the_cool_down() throws Exception {
        try (ReplayServer site = ReplayServer.start("upbit-banned")) {
            String sources = """
                    upbit:
                      base-url: "%s"
                    """.formatted(site.baseUrl());

            ReplayCrawl.Result banned = ReplayCrawl.run(dir, "upbit", sources);
            ReplayCrawl.Result next = ReplayCrawl.run(dir, "upbit", sources);

            assertEquals("crawl upbit: 0 records written, 1 rejected, 0 files rolled; stopped: http_418",
                    banned.summary());
            assertEquals("crawl upbit: 0 records written, 1 rejected, 0 files rolled; stopped: host_cooling_down",
                    next.summary());
            assertEquals(1, site.requestCount("/v1/market/all"), "no retry, and no request while cooling down");
            String cooldowns = Files.readString(dir.resolve("spool").resolve(".host-cooldowns.json"));
            assertTrue(cooldowns.contains("\"reason\" : \"http_418\""), cooldowns);
            assertTrue(Files.notExists(dir.resolve("spool").resolve(".last-success").resolve("upbit")),
                    "a banned run is not a successful run");
        }
    }

    private static String spoolText(Path spool) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".jsonl")).toList()) {
                text.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
