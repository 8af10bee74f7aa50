package org.picu.worker.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    HttpResponse<byte[]> get(URI url, long maxBytes) throws FetchException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .header("User-Agent", config.userAgent())
                .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8")
                .timeout(config.readTimeout())
                .build();
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, CappedBodySubscriber.handler(maxBytes));
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
