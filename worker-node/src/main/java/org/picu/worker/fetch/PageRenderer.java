package org.picu.worker.fetch;

import java.net.URI;
import java.time.Duration;

/** Turns a URL into the DOM a browser shows after the page's scripts ran. See {@link ChromiumRenderer}. */
public interface PageRenderer {

    /**
     * @param userAgent sent by the browser, the crawler's own
     * @param maxBytes a DOM larger than this is refused
     * @throws RenderException when the browser fails, times out or is missing
     * @throws InterruptedException when the calling thread is interrupted (the browser is killed first)
     */
    Rendered render(URI url, String userAgent, long maxBytes) throws RenderException, InterruptedException;

    /**
     * @param dom the serialized DOM, UTF-8
     * @param elapsed from start to the browser's exit
     * @param peakRssBytes the browser's process tree's highest sampled resident memory, summed over its
     *     processes; 0 where {@code /proc} is not available
     */
    record Rendered(byte[] dom, Duration elapsed, long peakRssBytes) {
    }

    /** The browser did not produce a DOM. */
    final class RenderException extends Exception {
        public RenderException(String message) {
            super(message);
        }

        public RenderException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
