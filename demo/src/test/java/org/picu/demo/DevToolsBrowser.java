package org.picu.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's chromium, headless, driven over the Chrome DevTools Protocol (a WebSocket, the JDK's client): one page
 * at a chosen viewport, its console errors, uncaught exceptions and failed loads collected, JavaScript evaluated in
 * it, and full-page screenshots. The process and its fresh profile under {@code target/chromium/} are removed on
 * {@link #close()}.
 */
final class DevToolsBrowser implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private String session;

    private DevToolsBrowser(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts chromium and opens one blank page. */
    static DevToolsBrowser start() throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("the dashboard test needs Debian's chromium at " + BINARY
                    + "; install it with: apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium")), "profile-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile.toAbsolutePath(),
                "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String endpoint = null;
        BufferedReader stderr =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        StringBuilder seen = new StringBuilder();
        for (String line; endpoint == null && System.nanoTime() < deadline && (line = stderr.readLine()) != null; ) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                endpoint = m.group(1);
            }
        }
        if (endpoint == null) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not open its DevTools endpoint: " + seen);
        }
        Thread drain = new Thread(() -> {
            try {
                while (stderr.readLine() != null) {
                    // keeps chromium's stderr pipe from filling up
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        Listener listener = new Listener();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(endpoint), listener).join();
        DevToolsBrowser browser = new DevToolsBrowser(process, socket);
        listener.browser = browser;
        String target = browser.call("Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                .get("targetId").asText();
        browser.session = browser.call("Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
                .put("flatten", true)).get("sessionId").asText();
        browser.call("Runtime.enable", JSON.createObjectNode());
        browser.call("Log.enable", JSON.createObjectNode());
        browser.call("Page.enable", JSON.createObjectNode());
        return browser;
    }

    /** Sets the viewport (CSS pixels, scale 1) and loads the URL. */
    void open(String url, int width, int height) throws IOException {
        viewport(width, height);
        call("Page.navigate", JSON.createObjectNode().put("url", url));
    }

    private void viewport(int width, int height) throws IOException {
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", width < 600));
    }

    /** The value of a JavaScript expression (JSON-serialisable), evaluated in the page. */
    JsonNode evaluate(String expression) throws IOException {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("the expression threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits until the expression is {@code true} in the page. */
    void await(String expression, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!evaluate(expression).asBoolean(false)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not true after " + timeout + ": " + expression);
            }
            Thread.sleep(200);
        }
    }

    /** A PNG of the whole page at the current width, written to {@code png}. */
    void screenshot(Path png, int width, int height) throws IOException {
        JsonNode metrics = call("Page.getLayoutMetrics", JSON.createObjectNode());
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.get("contentSize");
        int fullHeight = (int) Math.ceil(size.get("height").asDouble());
        viewport(width, Math.max(height, fullHeight));
        JsonNode shot = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
        viewport(width, height);
    }

    /** Console errors, uncaught exceptions and failed loads the page reported since the last call. */
    synchronized List<String> takeErrors() {
        List<String> taken = new ArrayList<>(errors);
        errors.removeAll(taken);
        return taken;
    }

    private JsonNode call(String method, ObjectNode params) throws IOException {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        if (session != null && !method.startsWith("Target.")) {
            message.put("sessionId", session);
        }
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(JSON.writeValueAsString(message), true).join();
        try {
            JsonNode reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IOException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + " interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            errors.add("unreadable DevTools message: " + text);
            return;
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> errors.add("uncaught: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error") || params.path("type").asText().equals("assert")) {
                    errors.add("console." + params.path("type").asText() + ": " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            }
            default -> {
                // other events are not needed
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Joins the text frames of each message and hands it to the browser. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private volatile DevToolsBrowser browser;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                DevToolsBrowser target = browser;
                if (target != null) {
                    target.received(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
