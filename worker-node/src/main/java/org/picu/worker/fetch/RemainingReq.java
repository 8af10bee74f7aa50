package org.picu.worker.fetch;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Upbit's {@code Remaining-Req} header, e.g. {@code group=ticker; min=1800; sec=29}: requests left in the
 * current second for the rate-limit group. {@code min} is documented as deprecated and fixed, so only
 * {@code group} and {@code sec} are read (global-docs.upbit.com/reference/rate-limits).
 *
 * @param group the rate-limit group, e.g. {@code ticker} or {@code market}
 * @param sec requests left in the current second
 */
record RemainingReq(String group, int sec) {
    /** At or below this many requests left in the second, the next request waits for the next second. */
    static final int LOW = 1;
    private static final Pattern SEC = Pattern.compile("(?:^|;)\\s*sec\\s*=\\s*(\\d{1,9})\\s*(?:;|$)");
    private static final Pattern GROUP = Pattern.compile("(?:^|;)\\s*group\\s*=\\s*([^;\\s]+)");

    /** The header's values, or empty when it is absent or has no {@code sec}. */
    static Optional<RemainingReq> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher sec = SEC.matcher(header);
        if (!sec.find()) {
            return Optional.empty();
        }
        Matcher group = GROUP.matcher(header);
        return Optional.of(new RemainingReq(group.find() ? group.group(1) : "default", Integer.parseInt(sec.group(1))));
    }

    /** Whether the quota of this second is (nearly) used up. */
    boolean low() {
        return sec <= LOW;
    }
}
