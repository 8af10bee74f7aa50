package org.picu.worker.spider;

import java.util.List;
import java.util.Optional;

/**
 * What one crawl run produced.
 *
 * @param records how many records were handed to the sink
 * @param rejections items that were skipped, with the reason; a run a site refused ends with one rejection
 *     whose reason is in {@link Rejection#RUN_STOPS}
 */
public record CrawlResult(int records, List<Rejection> rejections) {
    public CrawlResult {
        rejections = List.copyOf(rejections);
    }

    /** How many items were skipped. */
    public int rejected() {
        return rejections.size();
    }

    /** Why the run stopped early (a bot challenge, a ban, a cool-down), if it did. */
    public Optional<Rejection> stoppedBy() {
        return rejections.stream().filter(r -> Rejection.RUN_STOPS.contains(r.reason())).findFirst();
    }
}
