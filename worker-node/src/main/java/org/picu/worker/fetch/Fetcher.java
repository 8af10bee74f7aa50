package org.picu.worker.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.picu.worker.config.FetchConfig;

/**
 * Polite HTTP GET for spiders: an honest user agent, connect and read timeouts, a body-size cap and a
 * minimum delay between requests to the same host.
 *
 * <p>There is deliberately no response cache: the original system's one-hour cache replayed stale prices
 * and even cached error responses. Redirects are followed; anything but a 2xx answer is a
 * {@link FetchException}.
 */
public final class Fetcher {
    private final FetchConfig config;
    private final HttpClient client;
    private final HostPacer pacer;
    private final Clock clock;

    public Fetcher(FetchConfig config) {
        this(config, Clock.systemUTC());
    }

    /** @param clock stamps {@link FetchResponse#fetchedAt()}; tests pass a fixed one */
    public Fetcher(FetchConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.pacer = new HostPacer(config.hostDelay());
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Fetches a URL completely.
     *
     * @throws FetchException on a non-2xx status, a timeout, a body over the cap or a network error
     */
    public FetchResponse get(URI url) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8")
                .timeout(config.readTimeout())
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = null;
        try {
            pacer.awaitTurn(hostKey(url));
            pending = client.sendAsync(request, CappedBodySubscriber.handler(config.maxBodyBytes()));
            // The request timeout stops at the headers; waiting on the future bounds the body download too.
            HttpResponse<byte[]> response = pending.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            if (status < 200 || status > 299) {
                throw new FetchException(url, status, "expected a 2xx answer");
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            // Milliseconds, like every other time in PICU (the Avro schemas use timestamp-millis).
            return new FetchResponse(url, status, contentType, response.body(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url, FetchException.NO_STATUS, "interrupted", e);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchException(url, FetchException.NO_STATUS,
                    "no complete answer within fetch.read-timeout " + config.readTimeout(), e);
        } catch (ExecutionException e) {
            throw translate(url, e.getCause());
        }
    }

    private FetchException translate(URI url, Throwable thrown) {
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

    private static String hostKey(URI url) {
        return (url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT)) + ":" + url.getPort();
    }
}
