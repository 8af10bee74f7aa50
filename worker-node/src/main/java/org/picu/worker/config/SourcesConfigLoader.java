package org.picu.worker.config;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordEnvelope;

/** Validates the {@code sources} section; called by {@link WorkerConfigLoader}, adding to its problem list. */
final class SourcesConfigLoader {
    private static final Pattern QUOTE = Pattern.compile("[A-Z]{2,10}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{1,15}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final List<String> WEB = List.of("https", "http");

    private SourcesConfigLoader() {
    }

    static SourcesConfig load(RawConfig.Sources raw, Problems problems) {
        RawConfig.Sources s = raw == null ? new RawConfig.Sources(null, null, null, null, null, null) : raw;
        return new SourcesConfig(upbit(s.upbit(), problems), fearGreed(s.fearGreed(), problems),
                coinness(s.coinness(), problems), saveTicker(s.saveticker(), problems),
                perplexity(s.perplexity(), problems), declarative(s.declarative(), problems));
    }

    private static UpbitConfig upbit(RawConfig.Upbit raw, Problems problems) {
        RawConfig.Upbit u = raw == null ? new RawConfig.Upbit(null, null, null, null) : raw;
        URI baseUrl = problems.uri("sources.upbit.base-url", u.baseUrl(), UpbitConfig.DEFAULT_BASE_URL, WEB);
        String quote = u.quote() == null ? UpbitConfig.DEFAULT_QUOTE : u.quote().trim().toUpperCase(Locale.ROOT);
        if (!QUOTE.matcher(quote).matches()) {
            problems.add("sources.upbit.quote '" + u.quote() + "' must be a currency code such as KRW, BTC or USDT");
        }
        List<String> symbols = UpbitConfig.DEFAULT_SYMBOLS;
        if (u.symbols() != null) {
            Set<String> unique = new LinkedHashSet<>();
            for (String sym : u.symbols()) {
                String symbol = sym == null ? "" : sym.trim().toUpperCase(Locale.ROOT);
                if (SYMBOL.matcher(symbol).matches()) {
                    unique.add(symbol);
                } else {
                    problems.add("sources.upbit.symbols entry '" + sym + "' must be a symbol such as BTC");
                }
            }
            if (u.symbols().isEmpty()) {
                problems.add("sources.upbit.symbols is empty; list symbols or remove the key for the defaults");
            }
            symbols = List.copyOf(unique);
        }
        int batchSize = problems.integer("sources.upbit.batch-size", u.batchSize(), UpbitConfig.MAX_BATCH_SIZE, 1,
                UpbitConfig.MAX_BATCH_SIZE);
        return new UpbitConfig(baseUrl, quote, symbols, batchSize);
    }

    private static FearGreedConfig fearGreed(RawSources.FearGreed raw, Problems problems) {
        RawSources.FearGreed f = raw == null ? new RawSources.FearGreed(null, null, null) : raw;
        return new FearGreedConfig(
                problems.uri("sources.fear_greed.api-url", f.apiUrl(), FearGreedConfig.DEFAULT_API_URL, WEB),
                problems.uri("sources.fear_greed.page-url", f.pageUrl(), FearGreedConfig.DEFAULT_PAGE_URL, WEB),
                problems.integer("sources.fear_greed.limit", f.limit(), FearGreedConfig.DEFAULT_LIMIT, 1,
                        FearGreedConfig.MAX_LIMIT));
    }

    private static CoinnessConfig coinness(RawSources.Coinness raw, Problems problems) {
        RawSources.Coinness c = raw == null ? new RawSources.Coinness(null, null, null, null, null) : raw;
        String language = c.language() == null ? CoinnessConfig.DEFAULT_LANGUAGE : c.language().trim();
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add("sources.coinness.language '" + c.language()
                    + "' must be a two-letter language code such as ko or en");
        }
        return new CoinnessConfig(
                problems.uri("sources.coinness.api-url", c.apiUrl(), CoinnessConfig.DEFAULT_API_URL, WEB),
                language,
                problems.integer("sources.coinness.page-size", c.pageSize(), CoinnessConfig.DEFAULT_PAGE_SIZE, 1, 100),
                problems.integer("sources.coinness.max-pages", c.maxPages(), CoinnessConfig.DEFAULT_MAX_PAGES, 1, 20),
                problems.integer("sources.coinness.max-items", c.maxItems(), CoinnessConfig.DEFAULT_MAX_ITEMS, 1, 500));
    }

    private static SaveTickerConfig saveTicker(RawSources.SaveTicker raw, Problems problems) {
        RawSources.SaveTicker s = raw == null ? new RawSources.SaveTicker(null, null, null, null) : raw;
        return new SaveTickerConfig(
                problems.uri("sources.saveticker.api-url", s.apiUrl(), SaveTickerConfig.DEFAULT_API_URL, WEB),
                problems.integer(
                        "sources.saveticker.page-size", s.pageSize(), SaveTickerConfig.DEFAULT_PAGE_SIZE, 1, 50),
                problems.integer(
                        "sources.saveticker.max-pages", s.maxPages(), SaveTickerConfig.DEFAULT_MAX_PAGES, 0, 20),
                problems.integer(
                        "sources.saveticker.max-items", s.maxItems(), SaveTickerConfig.DEFAULT_MAX_ITEMS, 1, 200));
    }

    private static PerplexityConfig perplexity(RawSources.Perplexity raw, Problems problems) {
        RawSources.Perplexity p = raw == null ? new RawSources.Perplexity(null, null, null) : raw;
        return new PerplexityConfig(
                problems.uri("sources.perplexity.page-url", p.pageUrl(), PerplexityConfig.DEFAULT_PAGE_URL, WEB),
                problems.integer("sources.perplexity.max-chars", p.maxChars(), PerplexityConfig.DEFAULT_MAX_CHARS,
                        200, 200_000),
                problems.bool("sources.perplexity.render", p.render(), false));
    }

    private static List<DeclarativeSourceConfig> declarative(List<RawSources.Declarative> raw, Problems problems) {
        if (raw == null) {
            return List.of();
        }
        List<DeclarativeSourceConfig> sources = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            RawSources.Declarative d = raw.get(i);
            String at = "sources.declarative[" + i + "]";
            if (d == null) {
                problems.add(at + " is empty; give name, start-url, item, title, body and date-format");
                continue;
            }
            int before = problems.list().size();
            String name = problems.required(at + ".name", d.name());
            if (name != null) {
                at = "sources.declarative[" + i + "] (" + name + ")";
                if (!RecordEnvelope.NAME.matcher(name).matches()) {
                    problems.add(at + ".name must match " + RecordEnvelope.NAME.pattern() + ", e.g. blockmedia");
                } else if (BuiltInSource.fromName(name).isPresent()) {
                    problems.add(at + ".name is a built-in source; choose another name");
                } else if (!seen.add(name)) {
                    problems.add(at + ".name is used twice; every source needs its own name");
                }
            }
            URI startUrl = problems.required(at + ".start-url", d.startUrl()) == null ? null
                    : problems.uri(at + ".start-url", d.startUrl(), null, WEB);
            String format = d.format() == null || d.format().isBlank() ? DeclarativeSourceConfig.HTML
                    : d.format().trim().toLowerCase(Locale.ROOT);
            boolean json = format.equals(DeclarativeSourceConfig.JSON);
            if (!json && !format.equals(DeclarativeSourceConfig.HTML)) {
                problems.add(at + ".format '" + d.format() + "' must be html (CSS selectors) or json (JSON Pointers)");
            }
            boolean render = problems.bool(at + ".render", d.render(), false);
            if (json) {
                if (render) {
                    problems.add(at + ".render applies to HTML pages only; a JSON feed is read as served");
                }
                if (d.next() != null || d.dateAttribute() != null) {
                    problems.add(
                            at + ": next and date-attribute apply to HTML pages only; remove them for format json");
                }
            }
            String item = field(at + ".item", d.item(), true, json, problems);
            String title = field(at + ".title", d.title(), true, json, problems);
            String body = field(at + ".body", d.body(), true, json, problems);
            Optional<String> link = Optional.ofNullable(field(at + ".link", d.link(), false, json, problems));
            Optional<String> date = Optional.ofNullable(field(at + ".date", d.date(), false, json, problems));
            Optional<String> next = json ? Optional.empty()
                    : Optional.ofNullable(selector(at + ".next", d.next(), false, problems));
            Optional<String> dateAttribute = Optional.ofNullable(d.dateAttribute()).map(String::trim)
                    .filter(a -> !a.isEmpty());
            String dateFormat = d.dateFormat() == null ? DeclarativeSourceConfig.ISO : d.dateFormat().trim();
            checkDateFormat(at + ".date-format", dateFormat, problems);
            ZoneId zone = zone(at + ".zone", d.zone(), problems);
            int maxPages = problems.integer(at + ".max-pages", d.maxPages(), DeclarativeSourceConfig.DEFAULT_MAX_PAGES,
                    1, DeclarativeSourceConfig.MAX_PAGES);
            if (problems.list().size() == before) {
                sources.add(new DeclarativeSourceConfig(name, startUrl, item, title, link, date, dateAttribute,
                        dateFormat, zone, body, next, maxPages, format, render));
            }
        }
        return sources;
    }

    /** A CSS selector for HTML sources, a JSON Pointer (RFC 6901) for JSON ones. */
    private static String field(String key, String value, boolean required, boolean json, Problems problems) {
        if (!json) {
            return selector(key, value, required, problems);
        }
        if (value == null) {
            if (required) {
                problems.add(key + " is missing; give a JSON Pointer such as '/title' (the item list: '/Data', or ''"
                        + " for a bare array)");
            }
            return null;
        }
        String pointer = value.trim();
        try {
            JsonPointer.compile(pointer);
            return pointer;
        } catch (IllegalArgumentException e) {
            problems.add(key + " '" + value + "' is not a JSON Pointer (RFC 6901: empty, or '/'-separated names"
                    + " such as '/source_info/name'): " + e.getMessage());
            return null;
        }
    }

    private static String selector(String key, String value, boolean required, Problems problems) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(key + " is missing; give a CSS selector such as 'div.news-item'");
            }
            return null;
        }
        try {
            QueryParser.parse(value.trim());
            return value.trim();
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            problems.add(key + " '" + value + "' is not a CSS selector jsoup understands: " + e.getMessage());
            return null;
        }
    }

    private static void checkDateFormat(String key, String format, Problems problems) {
        if (format.equals(DeclarativeSourceConfig.ISO) || format.equals(DeclarativeSourceConfig.RELATIVE)
                || format.equals(DeclarativeSourceConfig.EPOCH_SECONDS)
                || format.equals(DeclarativeSourceConfig.EPOCH_MILLIS)) {
            return;
        }
        try {
            DateTimeFormatter.ofPattern(format, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            problems.add(key + " '" + format + "' must be iso, relative, epoch-seconds, epoch-millis or a date pattern"
                    + " such as yyyy.MM.dd HH:mm: "
                    + e.getMessage());
        }
    }

    private static ZoneId zone(String key, String value, Problems problems) {
        if (value == null || value.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(value.trim());
        } catch (DateTimeException e) {
            problems.add(key + " '" + value + "' is not a time zone such as UTC or Asia/Seoul");
            return ZoneOffset.UTC;
        }
    }
}
