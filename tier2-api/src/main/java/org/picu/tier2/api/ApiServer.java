package org.picu.tier2.api;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import java.io.IOException;
import java.net.InetAddress;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.picu.tier2.config.HttpConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running API: Javalin on Jetty 12 serving the routes of a {@link Router} on {@code http.threads} request threads
 * (more requests wait in Jetty's queue).
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Threads Jetty keeps for itself: the acceptor and the selector, with room to spare. */
    private static final int JETTY_OWN_THREADS = 4;

    private final Javalin app;
    private final Router router;
    private final String baseUrl;

    private ApiServer(Javalin app, Router router, String host) {
        this.app = app;
        this.router = router;
        this.baseUrl = "http://" + host + ":" + app.port();
    }

    /**
     * Binds {@code config.bind():config.port()} (port 0: any free port) and starts serving {@code router}.
     *
     * @throws IOException if the address cannot be bound
     */
    public static ApiServer start(HttpConfig config, Router router) throws IOException {
        requireNonNull(config, "config is null");
        requireNonNull(router, "router is null");
        InetAddress address = InetAddress.getByName(config.bind());
        int maxThreads = config.threads() + JETTY_OWN_THREADS;
        // A fixed pool without reserved threads: every hand-off from the selector to a request thread costs a wake-up,
        // and on a busy machine a wake-up waits for the scheduler. Measured with a bare hello route on the 2-core box
        // under load: Jetty's default pool 0.3-0.7k req/s, this one 1.5-6k (bench/tier2-api.sh for the API itself).
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads, maxThreads, 60_000);
        threads.setReservedThreads(0);
        threads.setName("tier2-http");
        threads.setDaemon(true);
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.threadPool = threads;

            javalin.router.ignoreTrailingSlashes = false;
            javalin.http.generateEtags = false; // cached routes carry their own ETag (Router)
            javalin.http.compressionStrategy = CompressionStrategy.NONE; // Router gzips, cached answers only once
            router.install(javalin);
        });
        try {
            app.start(address.getHostAddress(), config.port());
        } catch (RuntimeException e) {
            app.stop();
            router.close();
            throw new IOException("cannot serve on " + config.bind() + ":" + config.port() + ": " + e.getMessage(), e);
        }
        ApiServer api = new ApiServer(app, router, clientHost(address));
        LOG.info("API listening on {} with {} threads", api.baseUrl, config.threads());
        return api;
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** {@code http://host:port} for a client on this machine, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Partitions were loaded by this process: answers cached before are not served any more. */
    public void dataChanged() {
        router.dataChanged();
    }

    /** Stops accepting, lets running requests finish, stops the threads and closes the router. */
    @Override
    public void close() {
        app.stop();
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
}
