package org.picu.testkit.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves a recorded site on {@code 127.0.0.1} so that spiders can be run and tested without the internet.
 *
 * <p>A site is a classpath folder {@code sites/<site>/} holding recorded response bodies and a
 * {@code routes.properties} that maps request paths and query parameters to them (format in the site's
 * README and in {@code sites/upbit/routes.properties}). Every request is logged so that a test can assert
 * exactly what was fetched; unknown paths get a 404.
 *
 * <pre>
 * try (ReplayServer upbit = ReplayServer.start("upbit")) {
 *     String base = upbit.baseUrl();            // e.g. http://127.0.0.1:41873
 *     ... run a spider against base ...
 *     upbit.requests();                          // what the spider asked for
 * }
 * </pre>
 */
public final class ReplayServer implements AutoCloseable {
    /** Without TCP_NODELAY the JDK server's small responses wait on the client's delayed ACK (~40 ms each). */
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";
    private static final byte[] NOT_FOUND = "{\"error\":{\"name\":\"404\",\"message\":\"no recorded response\"}}"
            .getBytes(StandardCharsets.UTF_8);

    private static final String ROBOTS = "/robots.txt";

    private final SiteRoutes routes;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<ReplayRequest> log = new CopyOnWriteArrayList<>();

    private ReplayServer(SiteRoutes routes, HttpServer server, ExecutorService executor) {
        this.routes = routes;
        this.server = server;
        this.executor = executor;
    }

    /** Serves {@code sites/<site>/} on a free loopback port. */
    public static ReplayServer start(String site) {
        return start(site, 0);
    }

    /**
     * Serves {@code sites/<site>/} on the given loopback port ({@code 0} picks a free one).
     *
     * @throws ReplayException if the site is missing or its routes are inconsistent
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static ReplayServer start(String site, int port) {
        Objects.requireNonNull(site, "site");
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        SiteRoutes routes = SiteRoutes.load(site, classLoader());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind replay server for site '" + site + "' on 127.0.0.1:"
                    + port, e);
        }
        // A few threads, so that a route with a delay does not hold up the other requests.
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "replay-" + site + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ReplayServer replay = new ReplayServer(routes, server, executor);
        server.createContext("/", replay::handle);
        server.setExecutor(executor);
        server.start();
        return replay;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ReplayServer.class.getClassLoader();
    }

    /** The site being served. */
    public String site() {
        return routes.site();
    }

    /** The port the server is bound to. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:41873}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every request answered so far, in arrival order. */
    public List<ReplayRequest> requests() {
        return List.copyOf(log);
    }

    /** How many page requests were answered so far; robots.txt requests are not counted (see {@link #requests()}). */
    public int requestCount() {
        return (int) log.stream().filter(r -> !ROBOTS.equals(r.path())).count();
    }

    /** How many requests were made to exactly this path (any query); {@code /robots.txt} counts here too. */
    public long requestCount(String path) {
        return log.stream().filter(r -> r.path().equals(path)).count();
    }

    /**
     * {@link ReplayRequest#pathAndQuery()} of every page request so far, in arrival order. Polite clients ask
     * for {@code /robots.txt} on their own before the pages; those requests are left out here and are in
     * {@link #requests()}.
     */
    public List<String> requestedPaths() {
        return log.stream().filter(r -> !ROBOTS.equals(r.path())).map(ReplayRequest::pathAndQuery).toList();
    }

    /** Stops serving at once; requests in flight are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Instant receivedAt = Instant.now();
        try {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            Map<String, String> params = QueryString.parse(uri.getRawQuery());
            Response response = respond(exchange.getRequestMethod(), path, params);
            // Logged before the body is sent, so a client that has its answer always finds it in the log.
            log.add(new ReplayRequest(exchange.getRequestMethod(), path, uri.getQuery(),
                    exchange.getRequestHeaders().getFirst("User-Agent"), response.status, receivedAt));
            exchange.getResponseHeaders().set("Content-Type", response.contentType);
            response.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
            if (response.body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body);
                }
            }
        } finally {
            exchange.close();
        }
    }

    private Response respond(String method, String path, Map<String, String> params) {
        if (!"GET".equals(method)) {
            return new Response(
                    405,
                    SiteRoutes.DEFAULT_CONTENT_TYPE,
                    "{\"error\":{\"name\":\"405\",\"message\":\"only GET is recorded\"}}"
                            .getBytes(StandardCharsets.UTF_8),
                    Map.of());
        }
        Route route = routes.find(path, params).orElse(null);
        if (route == null) {
            return new Response(404, SiteRoutes.DEFAULT_CONTENT_TYPE, NOT_FOUND, Map.of());
        }
        pause(route);
        if (route.selector() == null) {
            return new Response(route.status(), route.contentType(), route.body(), route.headers());
        }
        return route.selector().select(params)
                .map(body -> new Response(route.status(), route.contentType(), body, route.headers()))
                .orElseGet(() -> new Response(route.selector().missStatus(), route.contentType(),
                        route.selector().missBody(), route.headers()));
    }

    private static void pause(Route route) {
        if (route.delay().isZero()) {
            return;
        }
        try {
            Thread.sleep(route.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Response(int status, String contentType, byte[] body, Map<String, String> headers) {
    }
}
