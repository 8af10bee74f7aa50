package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.picu.tier2.api.metrics.RequestMetrics;
import org.picu.tier2.config.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches a request to the handler registered for its path and method, and turns the outcome into a response:
 * a representation → JSON, {@link RawContent} → its bytes, {@link ApiException} → its status, anything else →
 * 500 {@code {"error":"internal error"}} with the exception logged, never sent. POST routes change state and need
 * the bearer token; CORS headers come from the configured origins; every request is counted in
 * {@link RequestMetrics} and written to the access log. Routes registered with {@link Builder#cachedGet} answer from
 * the {@link ResponseCache} when one is configured, with an {@code ETag} (a matching {@code If-None-Match} gets 304).
 */
public final class Router implements HttpHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final Map<String, Route> exact;
    private final List<Route> templated;
    private final BearerToken token;
    private final CorsPolicy cors;
    private final RequestMetrics metrics;
    private final Optional<ResponseCache> cache;

    private Router(Builder builder) {
        Map<String, Route> exactRoutes = new LinkedHashMap<>();
        List<Route> templates = new ArrayList<>();
        builder.routes.forEach((path, methods) -> {
            Route route = new Route(new RouteTemplate(path), Map.copyOf(methods));
            if (route.template.hasParameters()) {
                templates.add(route);
            } else {
                exactRoutes.put(path, route);
            }
        });
        this.exact = Map.copyOf(exactRoutes);
        this.templated = List.copyOf(templates);
        this.token = new BearerToken(builder.token);
        this.cors = new CorsPolicy(builder.corsOrigins);
        this.metrics = builder.metrics;
        this.cache = builder.cache;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every registered path template, in registration order (the OpenAPI test compares them with the document). */
    public List<String> paths() {
        List<String> paths = new ArrayList<>(exact.keySet());
        templated.forEach(route -> paths.add(route.template.text()));
        return Collections.unmodifiableList(paths);
    }

    /** Collects routes; registration is explicit, there is no scanning. */
    public static final class Builder {
        private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
        private Secret token = Secret.EMPTY;
        private List<String> corsOrigins = List.of();
        private RequestMetrics metrics = new RequestMetrics();
        private Optional<ResponseCache> cache = Optional.empty();

        private Builder() {
        }

        public Builder get(String path, Handler handler) {
            return add("GET", path, handler, false, false);
        }

        /**
         * A read route whose 200 answers depend only on the path, the query and the loaded data (and, within the
         * cache's max-age, the clock): served from the {@link #cache} if there is one.
         */
        public Builder cachedGet(String path, Handler handler) {
            return add("GET", path, handler, false, true);
        }

        /** A state-changing route: only requests with {@code Authorization: Bearer <token>} reach the handler. */
        public Builder post(String path, Handler handler) {
            return add("POST", path, handler, true, false);
        }

        /** The cache {@link #cachedGet} routes answer from; closed with the router. Without one they compute. */
        public Builder cache(ResponseCache responseCache) {
            this.cache = Optional.of(responseCache);
            return this;
        }

        /** The bearer token POST routes require; empty refuses every POST. */
        public Builder token(Secret token) {
            this.token = requireNonNull(token, "token is null");
            return this;
        }

        /** Browser origins allowed to read responses, e.g. {@code https://dash.example}. */
        public Builder corsOrigins(List<String> origins) {
            this.corsOrigins = List.copyOf(origins);
            return this;
        }

        public Builder metrics(RequestMetrics metrics) {
            this.metrics = requireNonNull(metrics, "metrics is null");
            return this;
        }

        private Builder add(String method, String path, Handler handler, boolean needsToken, boolean cacheable) {
            requireNonNull(handler, "handler is null");
            new RouteTemplate(path); // validates the path
            Endpoint endpoint = new Endpoint(handler, needsToken, cacheable);
            if (routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, endpoint) != null) {
                throw new IllegalArgumentException(method + " " + path + " is registered twice");
            }
            return this;
        }

        public Router build() {
            return new Router(this);
        }
    }

    private record Endpoint(Handler handler, boolean needsToken, boolean cacheable) {
    }

    private record Route(RouteTemplate template, Map<String, Endpoint> methods) {
        String allowed() {
            return String.join(", ", new TreeSet<>(methods.keySet()));
        }
    }

    private record Match(Route route, Map<String, String> parameters) {
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Optional<Match> match = Optional.empty();
        ApiResponse response;
        try {
            match = find(path);
            response = dispatch(exchange, method, path, origin, match);
        } catch (ApiException e) {
            response = new ApiResponse(e.status(), e.toRepresentation());
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            response = new ApiResponse(500, ErrorRepresentation.of("internal error"));
        }
        long bytes = -1;
        try {
            cors.decorate(origin, exchange.getResponseHeaders());
            bytes = send(exchange, method, response);
        } catch (IOException e) {
            LOG.debug("{} {}: could not send the response, the client is probably gone: {}", method, path, e.toString());
        } finally {
            exchange.close();
        }
        long nanos = System.nanoTime() - startNanos;
        metrics.record(match.map(m -> m.route.template.text()).orElse(RequestMetrics.UNMATCHED), method,
                response.status(), nanos);
        AccessLog.write(exchange, response.status(), bytes, nanos);
    }

    private Optional<Match> find(String path) {
        Route route = exact.get(path);
        if (route != null) {
            return Optional.of(new Match(route, Map.of()));
        }
        for (Route candidate : templated) {
            Optional<Map<String, String>> parameters = candidate.template.match(path);
            if (parameters.isPresent()) {
                return Optional.of(new Match(candidate, parameters.get()));
            }
        }
        return Optional.empty();
    }

    private ApiResponse dispatch(HttpExchange exchange, String method, String path, String origin,
            Optional<Match> match) throws Exception {
        Route route = match.orElseThrow(() -> ApiException.notFound("no endpoint at this path")).route;
        if ("OPTIONS".equals(method)) {
            return preflight(exchange, origin, route);
        }
        Endpoint endpoint = route.methods.get(method);
        if (endpoint == null) {
            exchange.getResponseHeaders().set("Allow", route.allowed());
            return new ApiResponse(405, ErrorRepresentation.of("method " + method + " is not allowed here; use "
                    + route.allowed()));
        }
        if (endpoint.needsToken) {
            token.check(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")));
        }
        QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        ApiRequest request = new ApiRequest(method, path, match.get().parameters, query);
        if (!endpoint.cacheable || cache.isEmpty()) {
            return endpoint.handler.handle(request);
        }
        ApiResponse[] notKept = new ApiResponse[1];
        ResponseCache.Answer answer = cache.get().get(path + "?" + query.canonical(), () -> {
            ApiResponse response = endpoint.handler.handle(request);
            if (response.status() != 200) {
                notKept[0] = response;
                return null;
            }
            Body body = Body.of(response);
            return new ResponseCache.Answer(body.contentType, body.bytes, ResponseCache.etag(body.bytes));
        });
        if (answer == null) {
            return notKept[0];
        }
        exchange.getResponseHeaders().set("ETag", answer.etag());
        exchange.getResponseHeaders().set("Cache-Control", "no-cache"); // may keep it, but must ask (ETag) before use
        if (answer.etag().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            return new ApiResponse(304, new RawContent(answer.contentType(), new byte[0]));
        }
        return new ApiResponse(200, new RawContent(answer.contentType(), answer.body()));
    }

    /** A response body as bytes and content type. */
    private record Body(String contentType, byte[] bytes) {
        static Body of(ApiResponse response) throws IOException {
            return response.body() instanceof RawContent raw ? new Body(raw.contentType(), raw.bytes())
                    : new Body(JSON, ApiJson.write(response.body()));
        }
    }

    /** Stops the response cache's background work, if there is a cache. */
    @Override
    public void close() {
        cache.ifPresent(ResponseCache::close);
    }

    /** Data was loaded by this process: cached answers are out of date now. */
    public void dataChanged() {
        cache.ifPresent(ResponseCache::dataChanged);
    }

    private ApiResponse preflight(HttpExchange exchange, String origin, Route route) {
        if (!cors.allows(origin)) {
            throw ApiException.forbidden("origin not allowed; add it to http.cors-origins on the server");
        }
        cors.preflight(origin, route.allowed() + ", OPTIONS", exchange.getResponseHeaders());
        return new ApiResponse(204, new RawContent("text/plain", new byte[0]));
    }

    /** @return the body length sent */
    private static long send(HttpExchange exchange, String method, ApiResponse response) throws IOException {
        Body body = Body.of(response);
        exchange.getResponseHeaders().set("Content-Type", body.contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(method) || response.status() == 204 || response.status() == 304) {
            exchange.sendResponseHeaders(response.status(), -1); // headers only
            return 0;
        }
        exchange.sendResponseHeaders(response.status(), body.bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body.bytes);
        }
        return body.bytes.length;
    }
}
