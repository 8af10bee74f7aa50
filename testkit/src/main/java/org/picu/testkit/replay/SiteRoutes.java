package org.picu.testkit.replay;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The routes of one recorded site, read from the classpath resource {@code sites/<site>/routes.properties}.
 *
 * <p>Format (every key is prefixed with a route name listed in {@code routes}, which also sets the matching
 * order):
 *
 * <pre>
 * routes=market-all,ticker
 * market-all.path=/v1/market/all            exact request path (required)
 * market-all.query=isDetails=false          parameters that must be present with these values (optional)
 * market-all.file=market_all.json           response body, relative to sites/&lt;site&gt;/, or to sites/ when it
 *                                             starts with / (another site's page, e.g. /fetch-guard/x.html) (required)
 * market-all.content-type=application/json;charset=UTF-8   (this is the default)
 * market-all.status=200                     (default 200)
 * market-all.delay-ms=0                     wait before answering (default 0)
 * ticker.select-param=markets               serve only array elements whose
 * ticker.select-field=market                  field is listed in this comma-separated parameter
 * ticker.select-miss-file=not_found.json    body when nothing matches (default [])
 * ticker.select-miss-status=404             status when nothing matches (default 404)
 * busy.header.Retry-After=1                 an extra response header (any name)
 * busy.times=1                              answer only the first N matching requests (default 0 = all);
 *                                             later ones fall through to the next matching route
 * </pre>
 *
 * <p>A site may serve {@code /robots.txt} like any other path; without such a route it is a 404, which
 * crawlers read as "no rules".
 */
final class SiteRoutes {
    static final String DEFAULT_CONTENT_TYPE = "application/json;charset=UTF-8";

    private final String site;
    private final List<Route> routes;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> uses =
            new java.util.concurrent.ConcurrentHashMap<>();

    private SiteRoutes(String site, List<Route> routes) {
        this.site = site;
        this.routes = List.copyOf(routes);
    }

    /** Loads and checks every route of a site; all problems are reported together. */
    static SiteRoutes load(String site, ClassLoader loader) {
        String base = "sites/" + site + "/";
        Properties props = new Properties();
        try (InputStream in = loader.getResourceAsStream(base + "routes.properties")) {
            if (in == null) {
                throw new ReplayException("no recorded site '" + site + "': classpath resource " + base
                        + "routes.properties is missing");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                props.load(reader);
            }
        } catch (IOException e) {
            throw new ReplayException("cannot read " + base + "routes.properties: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<Route> routes = new ArrayList<>();
        String names = props.getProperty("routes", "").trim();
        if (names.isEmpty()) {
            problems.add("'routes' must list the route names, e.g. routes=market-all,ticker");
        }
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                new RouteReader(name.trim(), props, base, loader, problems).read().ifPresent(routes::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new ReplayException(base + "routes.properties has problems: " + String.join("; ", problems));
        }
        return new SiteRoutes(site, routes);
    }

    String site() {
        return site;
    }

    /** The first route answering this request, if any; counts it against the route's {@code times}. */
    synchronized Optional<Route> find(String path, Map<String, String> params) {
        for (Route route : routes) {
            if (!route.matches(path, params)) {
                continue;
            }
            java.util.concurrent.atomic.AtomicInteger used =
                    uses.computeIfAbsent(route.name(), k -> new java.util.concurrent.atomic.AtomicInteger());
            if (route.times() == 0 || used.get() < route.times()) {
                used.incrementAndGet();
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Reads one route's keys, adding to {@code problems} instead of failing on the first one. */
    private static final class RouteReader {
        private final String name;
        private final Properties props;
        private final String base;
        private final ClassLoader loader;
        private final List<String> problems;

        RouteReader(String name, Properties props, String base, ClassLoader loader, List<String> problems) {
            this.name = name;
            this.props = props;
            this.base = base;
            this.loader = loader;
            this.problems = problems;
        }

        Optional<Route> read() {
            int before = problems.size();
            String path = required("path");
            String file = required("file");
            byte[] body = file == null ? null : resource(file);
            int status = number("status", 200);
            int delayMs = number("delay-ms", 0);
            int times = number("times", 0);
            Map<String, String> headers = new java.util.TreeMap<>();
            String headerPrefix = name + ".header.";
            for (String key : props.stringPropertyNames()) {
                if (key.startsWith(headerPrefix) && key.length() > headerPrefix.length()) {
                    headers.put(key.substring(headerPrefix.length()), props.getProperty(key).trim());
                }
            }
            ArraySelector selector = body == null ? null : selector(body);
            if (path != null && !path.startsWith("/")) {
                problems.add(name + ".path '" + path + "' must start with '/'");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Route(name, path, QueryString.parse(props.getProperty(name + ".query")), body,
                    props.getProperty(name + ".content-type", DEFAULT_CONTENT_TYPE).trim(), status,
                    Duration.ofMillis(delayMs), selector, Map.copyOf(headers), times));
        }

        private ArraySelector selector(byte[] body) {
            String param = props.getProperty(name + ".select-param");
            String field = props.getProperty(name + ".select-field");
            if (param == null && field == null) {
                return null;
            }
            if (param == null || field == null) {
                problems.add(name + ".select-param and " + name + ".select-field must be given together");
                return null;
            }
            String missFile = props.getProperty(name + ".select-miss-file");
            byte[] missBody = missFile == null ? "[]".getBytes(StandardCharsets.UTF_8) : resource(missFile.trim());
            int missStatus = number("select-miss-status", 404);
            if (missBody == null) {
                return null;
            }
            try {
                return ArraySelector.of(param.trim(), field.trim(), body, missBody, missStatus,
                        base + props.getProperty(name + ".file").trim());
            } catch (ReplayException e) {
                problems.add(e.getMessage());
                return null;
            }
        }

        private String required(String key) {
            String value = props.getProperty(name + "." + key);
            if (value == null || value.isBlank()) {
                problems.add(name + "." + key + " is missing");
                return null;
            }
            return value.trim();
        }

        private int number(String key, int defaultValue) {
            String value = props.getProperty(name + "." + key);
            if (value == null) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(value.trim());
                if (n < 0) {
                    problems.add(name + "." + key + " must not be negative, was " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(name + "." + key + " must be a whole number, was '" + value + "'");
                return defaultValue;
            }
        }

        private byte[] resource(String file) {
            String path = file.startsWith("/") ? "sites" + file : base + file;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    problems.add(name + " refers to " + path + ", which is not on the classpath");
                    return null;
                }
                return in.readAllBytes();
            } catch (IOException e) {
                problems.add("cannot read " + path + ": " + e.getMessage());
                return null;
            }
        }
    }
}
