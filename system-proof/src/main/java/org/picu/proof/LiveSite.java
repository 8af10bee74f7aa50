package org.picu.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live sites of the proof on one loopback HTTP server: every source the workers crawl, each answering with
 * fresh records instead of a recording (the recorded responses of {@code testkit} are static, so every crawl
 * would find the same records again), a share of them deliberately malformed.
 *
 * <p>Everything served is appended to the served log ({@link ServedLog}), flushed after each answer: a run-start
 * line for the first request of a crawl run and one line per record with its natural key ({@link NaturalKeys}).
 * The worker is read from the user agent ({@code ... worker <id>)}), which the proof sets per worker.
 */
public final class LiveSite implements AutoCloseable {
    private static final Pattern WORKER = Pattern.compile("worker ([a-z0-9_-]+)");

    /** One source of the site: the answers under its path prefix. */
    interface Source {
        /** The source name, as the worker writes it into its records. */
        String name();

        /** The path prefix this source answers, e.g. {@code /coinness/}. */
        String prefix();

        /** The answer to a request for the path; called with the site's lock held, so sources need none. */
        Answer answer(String path);
    }

    /** A served record: its natural key, and whether it is well-formed. */
    record Item(String key, boolean ok) {
    }

    /**
     * @param runStart the request is the first of a crawl run (a market list, a news list, an index request)
     * @param served the records in the answer
     */
    record Answer(int status, String contentType, String body, boolean runStart, List<Item> served) {
        static Answer notFound() {
            return new Answer(404, "text/plain", "not found", false, List.of());
        }
    }

    /** Told after each answer that served records to a worker, with the time it was sent. */
    interface Listener {
        void served(String worker, String source, long servedAt);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final BufferedWriter servedLog;
    private List<Source> sources = List.of();
    private volatile Listener listener = (worker, source, at) -> { };

    private LiveSite(HttpServer server, BufferedWriter servedLog) {
        this.server = server;
        this.servedLog = servedLog;
    }

    /** Starts the site on 127.0.0.1 and a free port, serving the upbit symbols given and every other source. */
    public static LiveSite start(List<String> symbols, Path servedLog) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        LiveSite site = new LiveSite(server, Files.newBufferedWriter(servedLog, StandardCharsets.UTF_8));
        String base = site.baseUrl();
        site.sources = List.of(new LiveUpbit(symbols), new LiveFearGreed(), new LiveCoinness(),
                new LiveSaveTicker(), new LivePerplexity(base));
        server.createContext("/", site::handle);
        server.setExecutor(site.executor);
        server.start();
        return site;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The listener told after every answer that served records (the spool-write kill waits for one). */
    public void onServed(Listener listener) {
        this.listener = listener;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String worker = worker(exchange.getRequestHeaders().getFirst("User-Agent"));
            Source source = sources.stream().filter(s -> path.startsWith(s.prefix())).findFirst().orElse(null);
            Answer answer;
            synchronized (this) {
                answer = source == null ? Answer.notFound() : source.answer(path);
            }
            send(exchange, answer);
            long served = System.currentTimeMillis();
            StringBuilder log = new StringBuilder();
            if (answer.runStart()) {
                log.append("R\t")
                        .append(served)
                        .append('\t')
                        .append(worker)
                        .append('\t')
                        .append(source.name())
                        .append('\n');
            }
            for (Item item : answer.served()) {
                log.append("S\t").append(served).append('\t').append(worker).append('\t').append(source.name())
                        .append('\t').append(item.key()).append('\t').append(item.ok() ? "ok" : "bad").append('\n');
            }
            if (!log.isEmpty()) {
                log(log.substring(0, log.length() - 1));
            }
            if (!answer.served().isEmpty()) {
                listener.served(worker, source.name(), served);
            }
        }
    }

    private static String worker(String userAgent) {
        Matcher m = userAgent == null ? null : WORKER.matcher(userAgent);
        return m != null && m.find() ? m.group(1) : "unknown";
    }

    private static void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private synchronized void log(String lines) {
        try {
            servedLog.write(lines);
            servedLog.write('\n');
            servedLog.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        synchronized (this) {
            servedLog.close();
        }
    }
}
