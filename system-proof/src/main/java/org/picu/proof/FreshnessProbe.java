package org.picu.proof;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks the API, every second or two, for the newest market rows of every symbol and notes when each natural key
 * {@code (symbol, timestamp)} was first visible: that time minus the time the record was served is its freshness.
 */
final class FreshnessProbe implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final List<String> symbols;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long polls;

    FreshnessProbe(String baseUrl, List<String> symbols) {
        this.baseUrl = baseUrl;
        this.symbols = List.copyOf(symbols);
        this.thread = new Thread(this::loop, "freshness-probe");
        thread.setDaemon(true);
    }

    FreshnessProbe start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            long began = System.nanoTime();
            pollOnce();
            long tookMs = (System.nanoTime() - began) / 1_000_000;
            if (running && tookMs < 1500) {
                Poll.sleep(Duration.ofMillis(1500 - tookMs));
            }
        }
    }

    /** One pass over every symbol. */
    void pollOnce() {
        for (String symbol : symbols) {
            try {
                HttpRequest request = HttpRequest.newBuilder(
                                URI.create(baseUrl + "/api/market/trends?symbol=" + symbol + "&limit=1000"))
                        .timeout(Duration.ofSeconds(10))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    continue; // 400 before the symbol has data, 5xx or refused while tier-2 is down
                }
                long seenAt = System.currentTimeMillis();
                JsonNode trends = JSON.readTree(response.body()).path("trends");
                synchronized (this) {
                    for (JsonNode row : trends) {
                        long ts = Instant.parse(row.path("timestamp").asText()).toEpochMilli();
                        firstSeen.putIfAbsent(NaturalKeys.market(row.path("symbol").asText(), ts), seenAt);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // tier-2 down (killed by the schedule) or busy: the next pass asks again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (this) {
            polls++;
        }
    }

    synchronized Map<String, Long> firstSeen() {
        return Map.copyOf(firstSeen);
    }

    synchronized long polls() {
        return polls;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
