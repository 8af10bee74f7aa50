package org.picu.worker.spider;

import java.net.URI;

/** A site answered in a shape the spider cannot use at all (as opposed to one bad item, which is skipped). */
public class SpiderException extends Exception {
    private final URI url;

    public SpiderException(URI url, String message) {
        super(url + ": " + message);
        this.url = url;
    }

    public URI url() {
        return url;
    }
}
