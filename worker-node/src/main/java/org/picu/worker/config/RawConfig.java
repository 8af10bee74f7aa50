package org.picu.worker.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The YAML file exactly as written, before validation. Scalars are read as text so that a wrong value is
 * reported with its key instead of stopping the parse. Names map to kebab-case keys ({@code rollBytes} is
 * {@code roll-bytes}).
 */
record RawConfig(Worker worker, Spool spool, Hdfs hdfs, Fetch fetch, Sources sources, Upload upload,
                 java.util.Map<String, String> schedules, java.util.Map<String, List<String>> assignments,
                 Render render, Metrics metrics) {
    record Worker(String id) {
    }

    record Spool(String dir, String rollBytes, String rollAge, String maxBytes) {
    }

    record Hdfs(String uri, String root, String confDir) {
    }

    record Fetch(String userAgent, String connectTimeout, String readTimeout, String maxBodyBytes,
                 String hostDelay, String hostJitter, String robotsTtl, String maxAttempts, String backoffBase,
                 String backoffMax, String hostErrorLimit, String runTimeLimit) {
    }

    record Render(String chromium, String timeout, String scriptBudget, String viewportHeight, String maxScrolls,
                  String scrollPause) {
    }

    record Upload(String interval, String backoffMin, String backoffMax) {
    }

    record Metrics(String port, String bind) {
    }

    /** Keyed by source name ({@code fear_greed}, not {@code fear-greed}); see {@link RawSources}. */
    record Sources(Upbit upbit, @JsonProperty("fear_greed") RawSources.FearGreed fearGreed,
                   RawSources.Coinness coinness, RawSources.SaveTicker saveticker,
                   RawSources.Perplexity perplexity, List<RawSources.Declarative> declarative) {
    }

    record Upbit(String baseUrl, String quote, List<String> symbols, String batchSize) {
    }
}
