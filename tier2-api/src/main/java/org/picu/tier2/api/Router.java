package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
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
 * The route table and what every request goes through on its way to a {@link Handler}: the handler's outcome
 * becomes the response (a representation → JSON, {@link RawContent} → its bytes, {@link ApiException} → its
 * status, anything else → 500 {@code {"error":"internal error"}} with the exception logged, never sent). POST routes
 * change state and need the bearer token; CORS headers come from the configured origins; every request is counted in
 * {@link RequestMetrics} and written to the {@link AccessLog}. Routes registered with {@link Builder#cachedGet} answer
 * from the {@link ResponseCache} when one is configured, with an {@code ETag} ({@link EntityTags} decides 304).
 * Bodies of {@link Gzip#MIN_BYTES} and more are gzipped for clients that accept it; a cached answer keeps its gzip
 * form, so serving it compressed costs no compression.
 * Javalin matches paths and methods ({@link #install}); a path that exists with another method is 405 with
 * {@code Allow}.
 */
public final class Router implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String JSON = "application/json; charset=utf-8";
    /** Methods answered on every routed path: the registered ones, 405 for the others, OPTIONS for CORS. */
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String ROUTE = "picu.route";
    private static final String BYTES = "picu.bytes";

    private final Map<String, Map<String, Endpoint>> routes;
    private final BearerToken token;
    private final CorsPolicy cors;
    private final RequestMetrics metrics;
    private final Optional<ResponseCache> cache;

    private Router(Builder builder) {
        Map<String, Map<String, Endpoint>> copy = new LinkedHashMap<>();
        builder.routes.forEach((path, methods) -> copy.put(path, Map.copyOf(methods)));
        this.routes = Collections.unmodifiableMap(copy);
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
        return List.copyOf(routes.keySet());
    }

    /** The metrics this router records into (and {@code GET /metrics} reads). */
    public RequestMetrics metrics() {
        return metrics;
    }

    /** Collects routes; registration is explicit, there is no scanning. */
    public static final class Builder {
        private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
        private Secret token = Secret.EMPTY;
        private List<String> corsOrigins = List.of();
        private RequestMetrics metrics = RequestMetrics.create();
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
            requireNonNull(path, "path is null");
            if (!path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
                throw new IllegalArgumentException("path must start with / and not end with one: " + path);
            }
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

    /** Registers every route with Javalin, the mapping of Javalin's own refusals, and the access log. */
    void install(JavalinConfig javalin) {
        routes.forEach((path, methods) -> {
            String allowed = String.join(", ", new TreeSet<>(methods.keySet()));
            for (HandlerType type : METHODS) {
                javalin.routes.addHttpHandler(type, path, ctx -> handle(ctx, path, methods, allowed));
            }
        });
        // no route matched (404), or Jetty/Javalin refused the request before any route ran
        javalin.routes.exception(HttpResponseException.class, (e, ctx) -> {
            ApiResponse response = e.getStatus() == 404
                    ? new ApiResponse(404, ErrorRepresentation.of("no endpoint at this path"))
                    : new ApiResponse(e.getStatus() >= 400 && e.getStatus() < 500 ? e.getStatus() : 500,
                            ErrorRepresentation.of(e.getStatus() < 500 ? "bad request" : "internal error"));
            respond(ctx, ctx.header("Origin"), response);
        });
        javalin.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            respond(ctx, ctx.header("Origin"), new ApiResponse(500, ErrorRepresentation.of("internal error")));
        });
        javalin.requestLogger.http((ctx, millis) -> {
            String route = ctx.attribute(ROUTE);
            Long bytes = ctx.attribute(BYTES);
            long nanos = (long) (millis * 1_000_000L);
            metrics.record(route == null ? RequestMetrics.UNMATCHED : route, ctx.method().name(),
                    ctx.status().getCode(), nanos);
            AccessLog.write(ctx, bytes == null ? -1 : bytes, nanos);
        });
    }

    private void handle(Context ctx, String path, Map<String, Endpoint> methods, String allowed) {
        ctx.attribute(ROUTE, path);
        String origin = ctx.header("Origin");
        ApiResponse response;
        try {
            response = dispatch(ctx, origin, methods, allowed);
        } catch (ApiException e) {
            response = new ApiResponse(e.status(), e.toRepresentation());
        } catch (Exception e) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            response = new ApiResponse(500, ErrorRepresentation.of("internal error"));
        }
        respond(ctx, origin, response);
    }

    private ApiResponse dispatch(Context ctx, String origin, Map<String, Endpoint> methods, String allowed)
            throws Exception {
        String method = ctx.method().name();
        if ("OPTIONS".equals(method)) {
            return preflight(ctx, origin, allowed);
        }
        Endpoint endpoint = methods.get(method);
        if (endpoint == null) {
            ctx.header("Allow", allowed);
            return new ApiResponse(405, ErrorRepresentation.of("method " + method + " is not allowed here; use "
                    + allowed));
        }
        if (endpoint.needsToken) {
            token.check(Optional.ofNullable(ctx.header("Authorization")));
        }
        QueryParameters query = QueryParameters.parse(ctx.queryString());
        ApiRequest request = new ApiRequest(method, ctx.path(), ctx.pathParamMap(), query);
        if (!endpoint.cacheable || cache.isEmpty()) {
            return endpoint.handler.handle(request);
        }
        ApiResponse[] notKept = new ApiResponse[1];
        ResponseCache.Answer answer = cache.get().get(ctx.path() + "?" + query.canonical(), () -> {
            ApiResponse response = endpoint.handler.handle(request);
            if (response.status() != 200) {
                notKept[0] = response;
                return null;
            }
            Body body = Body.of(response);
            return ResponseCache.Answer.of(body.contentType, body.bytes);
        });
        if (answer == null) {
            return notKept[0];
        }
        ctx.header("ETag", answer.etag());
        ctx.header("Cache-Control", "no-cache"); // may keep it, but must ask (ETag) before use
        if (EntityTags.noneMatchFails(ctx.header("If-None-Match"), answer.etag())) {
            return new ApiResponse(304, new RawContent(answer.contentType(), new byte[0]));
        }
        return new ApiResponse(200, new Body(answer.contentType(), answer.body(), answer.gzipped()));
    }

    /**
     * A response body as bytes and content type, with its gzip form when it was compressed ahead (a cached answer);
     * null there means "compress now if the client wants it".
     */
    private record Body(String contentType, byte[] bytes, byte[] gzipped) {
        static Body of(ApiResponse response) throws IOException {
            if (response.body() instanceof Body body) {
                return body;
            }
            return response.body() instanceof RawContent raw ? new Body(raw.contentType(), raw.bytes(), null)
                    : new Body(JSON, ApiJson.write(response.body()), null);
        }

        byte[] gzippedNow() {
            return gzipped != null ? gzipped : Gzip.compressible(bytes);
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

    private ApiResponse preflight(Context ctx, String origin, String allowed) {
        if (!cors.allows(origin)) {
            throw ApiException.forbidden("origin not allowed; add it to http.cors-origins on the server");
        }
        cors.preflight(origin, allowed + ", OPTIONS", ctx);
        return new ApiResponse(204, new RawContent("text/plain", new byte[0]));
    }

    private void respond(Context ctx, String origin, ApiResponse response) {
        Body body;
        try {
            body = Body.of(response);
        } catch (IOException e) {
            LOG.error("{} {}: the response could not be serialised", ctx.method(), ctx.path(), e);
            response = new ApiResponse(500, ErrorRepresentation.of("internal error"));
            body = new Body(JSON, "{\"error\":\"internal error\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    null);
        }
        cors.decorate(origin, ctx);
        ctx.status(response.status());
        ctx.contentType(body.contentType);
        ctx.header("X-Content-Type-Options", "nosniff");
        boolean headersOnly = ctx.method() == HandlerType.HEAD || response.status() == 204 || response.status() == 304;
        byte[] bytes = headersOnly ? new byte[0] : body.bytes;
        if (bytes.length >= Gzip.MIN_BYTES) {
            ctx.res().addHeader("Vary", "Accept-Encoding");
            if (Gzip.accepted(ctx.header("Accept-Encoding"))) {
                bytes = body.gzippedNow();
                ctx.header("Content-Encoding", "gzip");
            }
        }
        if (!headersOnly) {
            // known up front: Jetty sends it as is instead of chunking the copy Javalin makes of the result
            ctx.header("Content-Length", Integer.toString(bytes.length));
        }
        ctx.result(bytes);
        ctx.attribute(BYTES, (long) bytes.length);
    }
}
