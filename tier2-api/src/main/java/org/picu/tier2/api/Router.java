package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The route table: exact paths to one handler per method, and the one place where failures become responses.
 * Unknown path → 404, known path with another method → 405, {@link ApiException} → its status,
 * anything else → 500 {@code {"error":"internal error"}} with the exception logged, never sent.
 */
public final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final String JSON = "application/json; charset=utf-8";

    private final Map<String, Map<String, Handler>> routes;

    private Router(Map<String, Map<String, Handler>> routes) {
        this.routes = routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects routes; registration is explicit, there is no scanning. */
    public static final class Builder {
        private final Map<String, Map<String, Handler>> routes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder get(String path, Handler handler) {
            return add("GET", path, handler);
        }

        private Builder add(String method, String path, Handler handler) {
            requireNonNull(path, "path is null");
            requireNonNull(handler, "handler is null");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path '" + path + "' must start with /");
            }
            if (routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, handler) != null) {
                throw new IllegalArgumentException(method + " " + path + " is registered twice");
            }
            return this;
        }

        public Router build() {
            Map<String, Map<String, Handler>> copy = new LinkedHashMap<>();
            routes.forEach((path, methods) -> copy.put(path, Map.copyOf(methods)));
            return new Router(Map.copyOf(copy));
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long startNanos = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        ApiResponse response;
        try {
            response = dispatch(exchange, method, path);
        } catch (ApiException e) {
            response = new ApiResponse(e.status(), e.toRepresentation());
        } catch (Exception e) {
            LOG.error("{} {} failed", method, path, e);
            response = new ApiResponse(500, ErrorRepresentation.of("internal error"));
        }
        try {
            send(exchange, method, response);
        } catch (IOException e) {
            LOG.debug("{} {}: could not send the response, the client is probably gone: {}", method, path, e.toString());
        } finally {
            exchange.close();
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {} in {} us", method, path, response.status(), (System.nanoTime() - startNanos) / 1000);
        }
    }

    private ApiResponse dispatch(HttpExchange exchange, String method, String path) throws Exception {
        Map<String, Handler> methods = routes.get(path);
        if (methods == null) {
            throw ApiException.notFound("no endpoint at this path");
        }
        Handler handler = methods.get(method);
        if (handler == null) {
            String allowed = String.join(", ", new TreeSet<>(methods.keySet()));
            exchange.getResponseHeaders().set("Allow", allowed);
            return new ApiResponse(405, ErrorRepresentation.of("method " + method + " is not allowed here; use " + allowed));
        }
        QueryParameters query = QueryParameters.parse(exchange.getRequestURI().getRawQuery());
        return handler.handle(new ApiRequest(method, path, query));
    }

    private static void send(HttpExchange exchange, String method, ApiResponse response) throws IOException {
        byte[] body = ApiJson.write(response.body());
        exchange.getResponseHeaders().set("Content-Type", JSON);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if ("HEAD".equals(method)) {
            exchange.sendResponseHeaders(response.status(), -1); // a HEAD response has headers only
            return;
        }
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
