package org.picu.worker.config;

/** The {@code sources} section as written, before validation (see {@link RawConfig} for the conventions). */
final class RawSources {
    private RawSources() {
    }

    record FearGreed(String apiUrl, String pageUrl, String limit) {
    }

    record Coinness(String apiUrl, String language, String pageSize, String maxPages, String maxItems) {
    }

    record SaveTicker(String apiUrl, String pageSize, String maxPages, String maxItems) {
    }

    record Perplexity(String pageUrl, String maxChars, String render) {
    }

    record Declarative(String name, String startUrl, String item, String title, String link, String date,
                       String dateAttribute, String dateFormat, String zone, String body, String next,
                       String maxPages, String format, String render) {
    }
}
