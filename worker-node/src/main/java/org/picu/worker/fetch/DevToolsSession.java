package org.picu.worker.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.picu.worker.fetch.PageRenderer.RenderException;

/**
 * A Chrome DevTools protocol connection to the browser endpoint ({@code ws://127.0.0.1:<port>/devtools/browser/…})
 * over the JDK's WebSocket: commands are JSON messages with an {@code id}, answered by a message with the same
 * {@code id}; events carry a {@code method}. Commands for a page go to its flattened session ({@code sessionId}).
 * Every wait ends at the caller's deadline ({@link System#nanoTime()}).
 */
final class DevToolsSession implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One client for every session: its selector thread is shared instead of started per page. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> answers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<JsonNode>> events = new ConcurrentHashMap<>();
    private volatile String sessionId;

    private DevToolsSession(WebSocket socket) {
        this.socket = socket;
    }

    static DevToolsSession connect(URI browserEndpoint, long deadline) throws RenderException, InterruptedException {
        Listener listener = new Listener();
        CompletableFuture<WebSocket> opening = HTTP.newWebSocketBuilder()
                .connectTimeout(remaining(deadline))
                .buildAsync(browserEndpoint, listener);
        DevToolsSession session = new DevToolsSession(await(opening, deadline, "connect to " + browserEndpoint));
        listener.session = session;
        return session;
    }

    /** Opens a blank page and sends every later command to it. */
    void attachNewPage(long deadline) throws RenderException, InterruptedException {
        String target = call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"), deadline)
                .path("targetId").asText();
        sessionId = call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target).put("flatten", true),
                deadline).path("sessionId").asText();
    }

    /** Sends a command (to the attached page, if any) and waits for its result. */
    JsonNode call(String method, ObjectNode params, long deadline) throws RenderException, InterruptedException {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        answers.put(id, answer);
        try {
            synchronized (socket) {
                await(socket.sendText(message.toString(), true), deadline, method);
            }
            JsonNode reply = await(answer, deadline, method);
            if (reply.has("error")) {
                throw new RenderException(method + " failed: " + reply.get("error").path("message").asText());
            }
            return reply.path("result");
        } finally {
            answers.remove(id);
        }
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Registers interest in the next event {@code method}; call before the command that causes it. */
    CompletableFuture<JsonNode> expect(String method) {
        CompletableFuture<JsonNode> event = new CompletableFuture<>();
        events.put(method, event);
        return event;
    }

    /** The value of a JavaScript expression in the page (primitive results only; a promise is awaited). */
    JsonNode evaluate(String expression, long deadline) throws RenderException, InterruptedException {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true), deadline);
        if (result.has("exceptionDetails")) {
            throw new RenderException("the page threw on '" + expression + "': "
                    + result.get("exceptionDetails").path("text").asText());
        }
        return result.path("result").path("value");
    }

    static <T> T await(CompletableFuture<T> future, long deadline, String what)
            throws RenderException, InterruptedException {
        try {
            return future.get(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new RenderException("no answer to " + what + " within render.timeout; browser killed");
        } catch (ExecutionException e) {
            throw new RenderException("DevTools " + what + " failed: " + e.getCause(), e.getCause());
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // the browser sends JSON only; a broken frame fails the waiting command by its timeout
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = answers.get(message.get("id").asInt());
            if (answer != null) {
                answer.complete(message);
            }
        } else if (message.has("method")) {
            CompletableFuture<JsonNode> event = events.remove(message.get("method").asText());
            if (event != null) {
                event.complete(message.path("params"));
            }
        }
    }

    private void fail(Throwable cause) {
        answers.values().forEach(a -> a.completeExceptionally(cause));
        events.values().forEach(e -> e.completeExceptionally(cause));
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** Joins a message's fragments and hands complete messages to the session. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile DevToolsSession session;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                if (session != null) {
                    session.receive(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (session != null) {
                session.fail(new IOException("the browser closed the DevTools connection: " + statusCode));
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (session != null) {
                session.fail(error);
            }
        }
    }
}
