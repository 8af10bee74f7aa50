package org.picu.worker.fetch;

/**
 * How one request ended, as counted by {@link Fetcher#outcomes()}: one short lower_snake_case word per
 * request try (or per rendered page). The run-level ones are also the reasons of
 * {@link org.picu.worker.spider.Rejection}.
 */
public final class FetchOutcome {
    /** A 2xx answer that was not a bot check. */
    public static final String OK = "ok";
    /** A bot check: {@code cf-mitigated: challenge}, or Cloudflare's challenge page with any status. */
    public static final String BLOCKED_BY_CHALLENGE = "blocked_by_challenge";
    /** HTTP 418, Upbit's temporary IP ban after repeated 429s. */
    public static final String HTTP_418 = "http_418";
    /** HTTP 429 on one try. */
    public static final String HTTP_429 = "http_429";
    /** Not requested: the host is in a cool-down from an earlier ban or challenge. */
    public static final String HOST_COOLING_DOWN = "host_cooling_down";
    /** Not requested: robots.txt disallows the URL. */
    public static final String ROBOTS_DISALLOWED = "robots_disallowed";
    /** No HTTP answer: timeout, refused connection, body over the cap. */
    public static final String NO_ANSWER = "no_answer";
    /** The headless browser produced the page's DOM. */
    public static final String RENDERED = "rendered";
    /** The headless browser failed: timeout, crash, output over the cap, not installed. */
    public static final String RENDER_FAILED = "render_failed";

    private FetchOutcome() {
    }

    /** The outcome of an answer with this non-2xx status, e.g. {@code http_503}. */
    public static String http(int status) {
        return "http_" + status;
    }
}
