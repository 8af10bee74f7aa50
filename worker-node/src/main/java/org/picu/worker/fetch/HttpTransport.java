package org.picu.worker.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.picu.worker.config.FetchConfig;

/**
 * One GET on the wire with the worker's user agent, the connect/read timeouts and a body cap; no politeness
 * here ({@link Fetcher} decides whether and when to call it). Any status is returned; only a transport
 * failure throws.
 */
final class HttpTransport {
    private final FetchConfig config;
    private final HttpClient client;

    HttpTransport(FetchConfig config) {
        this.config = config;
        this.client = CLIENTS.computeIfAbsent(config.connectTimeout(), HttpTransport::newClient);
    }

    /**
     * One client per connect timeout for the whole process. Every crawl run makes a new {@link Fetcher}; a client per
     * fetcher kept a selector thread and a pool of worker threads alive until the garbage collector found the
     * client, which on a 64 MB heap that rarely fills took dozens of threads (and their stacks) with it.
     */
    private static final ConcurrentMap<Duration, HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private static HttpClient newClient(Duration connectTimeout) {
        AtomicInteger threads = new AtomicInteger();
        // requests are made one at a time; idle threads end after a few seconds instead of the default minute
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "http-client-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(executor)
                .build();
    }

    HttpResponse<byte[]> get(URI url, long maxBytes) throws FetchException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8")
                .timeout(config.readTimeout())
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending =
                client.sendAsync(request, CappedBodySubscriber.handler(maxBytes));
        try {
            // The request timeout stops at the headers; waiting on the future bounds the body download too.
            return pending.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(url, FetchException.NO_STATUS,
                    "no complete answer within fetch.read-timeout " + config.readTimeout(), e);
        } catch (ExecutionException e) {
            throw translate(url, e.getCause());
        }
    }

    private static FetchException translate(URI url, Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(url, FetchException.NO_STATUS, "timed out: " + cause.getMessage(), cause);
        }
        if (cause instanceof IOException) {
            String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new FetchException(url, FetchException.NO_STATUS, detail, cause);
        }
        return new FetchException(url, FetchException.NO_STATUS, String.valueOf(cause), cause);
    }
}
