package org.picu.worker.config;

import java.util.List;

/**
 * The YAML file exactly as written, before validation. Scalars are read as text so that a wrong value is
 * reported with its key instead of stopping the parse. Names map to kebab-case keys ({@code rollBytes} is
 * {@code roll-bytes}).
 */
record RawConfig(Worker worker, Spool spool, Hdfs hdfs, Fetch fetch, Sources sources) {
    record Worker(String id) {
    }

    record Spool(String dir, String rollBytes, String rollAge) {
    }

    record Hdfs(String uri, String root, String confDir) {
    }

    record Fetch(String userAgent, String connectTimeout, String readTimeout, String maxBodyBytes,
                 String hostDelay) {
    }

    record Sources(Upbit upbit) {
    }

    record Upbit(String baseUrl, String quote, List<String> symbols, String batchSize) {
    }
}
