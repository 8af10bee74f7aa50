package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.picu.tier2.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running API: the JDK's {@link HttpServer} (Hadoop's Jetty 9 on the classpath rules out a newer Jetty) with a
 * bounded thread pool in front of a {@link Router}. Requests beyond the threads and a short queue are refused
 * (the connection is closed) instead of queueing without bound.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final String NODELAY = "sun.net.httpserver.nodelay";
    private static final int QUEUE_CAPACITY = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final AtomicInteger inFlight;
    private final Router router;
    private final String baseUrl;

    private ApiServer(HttpServer server, ThreadPoolExecutor executor, AtomicInteger inFlight, Router router) {
        this.server = server;
        this.router = router;
        this.executor = executor;
        this.inFlight = inFlight;
        this.baseUrl = "http://" + clientHost(server.getAddress().getAddress()) + ":" + server.getAddress().getPort();
    }

    /**
     * Binds {@code config.bind():config.port()} (port 0: any free port) and starts serving {@code router}.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ApiServer start(HttpConfig config, Router router) throws IOException {
        requireNonNull(config, "config is null");
        requireNonNull(router, "router is null");
        // Without TCP_NODELAY every small response waits ~40 ms for the client's delayed ACK. The JDK reads the
        // property once, when the first server is created, so it must be set before that.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.bind()), config.port()), 0);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(config.threads(), config.threads(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), threadFactory());
        executor.allowCoreThreadTimeOut(true);
        AtomicInteger inFlight = new AtomicInteger();
        server.createContext("/", exchange -> counted(inFlight, router, exchange));
        server.setExecutor(executor);
        server.start();
        ApiServer api = new ApiServer(server, executor, inFlight, router);
        LOG.info("API listening on {} with {} threads", api.baseUrl, config.threads());
        return api;
    }

    private static void counted(AtomicInteger inFlight, Router router, HttpExchange exchange) throws IOException {
        inFlight.incrementAndGet();
        try {
            router.handle(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://host:port} for a client on this machine, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Partitions were loaded by this process: answers cached before are not served any more. */
    public void dataChanged() {
        router.dataChanged();
    }

    /** Stops accepting, lets running requests finish (up to 2 s), stops the threads and closes the router. */
    @Override
    public void close() {
        // On Java 17 stop(n) waits the full n seconds unless a request is running, so only wait when one is.
        server.stop(inFlight.get() > 0 ? 2 : 0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        router.close();
        LOG.info("API on {} stopped", baseUrl);
    }

    private static String clientHost(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "127.0.0.1"; // bound to every interface: loopback reaches it from this machine
        }
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static ThreadFactory threadFactory() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "tier2-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
