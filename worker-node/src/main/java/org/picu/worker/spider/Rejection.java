package org.picu.worker.spider;

import java.util.Set;

/**
 * An item a spider skipped, or the reason a whole run stopped early.
 *
 * <p>The reasons form one vocabulary shared by logs, {@code status} and the pipeline status API. Item-level
 * reasons are written by the parsers ({@code missing_field}, {@code bad_field}, {@code layout_changed}, ...);
 * the run-level ones below are written when a site refuses the crawler, and end the run without an exception
 * (see {@link #RUN_STOPS}).
 *
 * @param reason short lower_snake_case reason, e.g. {@code missing_field}
 * @param detail what was wrong with which item, for the log
 */
public record Rejection(String reason, String detail) {
    /** The site answered with a bot check (Cloudflare {@code cf-mitigated: challenge} or its challenge page). */
    public static final String BLOCKED_BY_CHALLENGE = "blocked_by_challenge";
    /** HTTP 418: the site banned this IP for a while after repeated 429s (Upbit). */
    public static final String HTTP_418 = "http_418";
    /** HTTP 429 on every try of a request. */
    public static final String HTTP_429 = "http_429";
    /** The host is still in a cool-down from an earlier ban or challenge (kept across restarts). */
    public static final String HOST_COOLING_DOWN = "host_cooling_down";
    /** The headless browser could not render the page (timeout, crash, not installed). */
    public static final String RENDER_FAILED = "render_failed";
    /** The answer has none of the structure the parser reads. */
    public static final String LAYOUT_CHANGED = "layout_changed";

    /** Reasons that stop a whole run rather than skip one item. */
    public static final Set<String> RUN_STOPS = Set.of(BLOCKED_BY_CHALLENGE, HTTP_418, HOST_COOLING_DOWN);

    /** The reason for a refused request with this status, e.g. {@code http_403}. */
    public static String http(int status) {
        return "http_" + status;
    }
}
