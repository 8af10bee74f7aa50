package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.pathmap.MatchedResource;
import org.eclipse.jetty.http.pathmap.PathMappings;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
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
 * Paths are matched by Jetty's URI templates ({@code /api/candles/{symbol}}, exact segments, no trailing slash);
 * a path that exists with another method is 405 with {@code Allow}. {@link #handler} is the Jetty handler that
 * serves them, {@link #errorHandler} answers what Jetty refuses before any route runs.
 */
public final class Router implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final byte[] NO_BYTES = new byte[0];

    private final Map<String, Map<String, Endpoint>> routes;
    private final PathMappings<Route> mappings = new PathMappings<>();
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
        routes.forEach((path, methods) -> mappings.put(new UriTemplatePathSpec(path),
                new Route(path, methods, String.join(", ", new TreeSet<>(methods.keySet())))));
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

    /** A path template with its endpoints by method, and the {@code Allow} value for a 405. */
    private record Route(String path, Map<String, Endpoint> methods, String allowed) {
    }

    /** What Jetty runs for every request it has parsed: match the path, then {@link #serve}. */
    org.eclipse.jetty.server.Handler handler() {
        return new org.eclipse.jetty.server.Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                serve(request, response, callback);
                return true;
            }
        };
    }

    /**
     * What Jetty runs for a request it refused before any route ran (malformed request line, URI or headers): the
     * API's JSON error body with Jetty's status.
     */
    Request.Handler errorHandler() {
        return (request, response, callback) -> {
            int status = response.getStatus();
            ApiResponse answer = status >= 400 && status < 500
                    ? new ApiResponse(status, ErrorRepresentation.of("bad request"))
                    : new ApiResponse(500, ErrorRepresentation.of("internal error"));
            respond(request, response, callback, null, answer, System.nanoTime(), RequestMetrics.UNMATCHED);
            return true;
        };
    }

    private void serve(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String origin = request.getHeaders().get("Origin");
        String decodedPath = Request.getPathInContext(request);
        MatchedResource<Route> matched = decodedPath == null ? null : mappings.getMatched(decodedPath);
        if (matched == null) {
            respond(request, response, callback, origin,
                    new ApiResponse(404, ErrorRepresentation.of("no endpoint at this path")), start,
                    RequestMetrics.UNMATCHED);
            return;
        }
        Route route = matched.getResource();
        ApiResponse answer;
        try {
            answer = dispatch(request, response.getHeaders(), origin, route,
                    ((UriTemplatePathSpec) matched.getPathSpec()).getPathParams(decodedPath));
        } catch (ApiException e) {
            answer = new ApiResponse(e.status(), e.toRepresentation());
        } catch (Exception e) {
            LOG.error("{} {} failed", request.getMethod(), request.getHttpURI().getPath(), e);
            answer = new ApiResponse(500, ErrorRepresentation.of("internal error"));
        }
        respond(request, response, callback, origin, answer, start, route.path);
    }

    private ApiResponse dispatch(Request request, HttpFields.Mutable headers, String origin, Route route,
            Map<String, String> pathParameters) throws Exception {
        String method = request.getMethod();
        if ("OPTIONS".equals(method)) {
            return preflight(headers, origin, route.allowed);
        }
        Endpoint endpoint = route.methods.get(method);
        if (endpoint == null) {
            headers.put("Allow", route.allowed);
            return new ApiResponse(405, ErrorRepresentation.of("method " + method + " is not allowed here; use "
                    + route.allowed));
        }
        if (endpoint.needsToken) {
            token.check(Optional.ofNullable(request.getHeaders().get("Authorization")));
        }
        String path = request.getHttpURI().getPath();
        QueryParameters query = QueryParameters.parse(request.getHttpURI().getQuery());
        ApiRequest apiRequest = new ApiRequest(method, path, pathParameters, query);
        if (!endpoint.cacheable || cache.isEmpty()) {
            return endpoint.handler.handle(apiRequest);
        }
        ApiResponse[] notKept = new ApiResponse[1];
        ResponseCache.Answer answer = cache.get().get(path + "?" + query.canonical(), () -> {
            ApiResponse response = endpoint.handler.handle(apiRequest);
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
        headers.put("ETag", answer.etag());
        headers.put("Cache-Control", "no-cache"); // may keep it, but must ask (ETag) before use
        if (EntityTags.noneMatchFails(request.getHeaders().get("If-None-Match"), answer.etag())) {
            return new ApiResponse(304, new RawContent(answer.contentType(), NO_BYTES));
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

    private ApiResponse preflight(HttpFields.Mutable headers, String origin, String allowed) {
        if (!cors.allows(origin)) {
            throw ApiException.forbidden("origin not allowed; add it to http.cors-origins on the server");
        }
        cors.preflight(allowed + ", OPTIONS", headers);
        return new ApiResponse(204, new RawContent("text/plain", NO_BYTES));
    }

    /** Writes the answer, then counts it in the metrics and the access log under {@code route}. */
    private void respond(Request request, Response response, Callback callback, String origin, ApiResponse answer,
            long start, String route) {
        Body body;
        try {
            body = Body.of(answer);
        } catch (IOException e) {
            LOG.error("{} {}: the response could not be serialised", request.getMethod(),
                    request.getHttpURI().getPath(), e);
            answer = new ApiResponse(500, ErrorRepresentation.of("internal error"));
            body = new Body(JSON, "{\"error\":\"internal error\"}".getBytes(StandardCharsets.UTF_8), null);
        }
        HttpFields.Mutable headers = response.getHeaders();
        cors.decorate(origin, headers);
        response.setStatus(answer.status());
        headers.put("Content-Type", body.contentType);
        headers.put("X-Content-Type-Options", "nosniff");
        String method = request.getMethod();
        boolean headersOnly = "HEAD".equals(method) || answer.status() == 204 || answer.status() == 304;
        byte[] bytes = headersOnly ? NO_BYTES : body.bytes;
        if (bytes.length >= Gzip.MIN_BYTES) {
            headers.add("Vary", "Accept-Encoding");
            if (Gzip.accepted(request.getHeaders().get("Accept-Encoding"))) {
                bytes = body.gzippedNow();
                headers.put("Content-Encoding", "gzip");
            }
        }
        if (!headersOnly) {
            headers.put("Content-Length", Integer.toString(bytes.length)); // known up front: no chunking
        }
        response.write(true, ByteBuffer.wrap(bytes), callback);
        long nanos = System.nanoTime() - start;
        metrics.record(route, method, answer.status(), nanos);
        AccessLog.write(Request.getRemoteAddr(request), method, request.getHttpURI().getPath(),
                request.getHttpURI().getQuery(), answer.status(), bytes.length, nanos);
    }
}
