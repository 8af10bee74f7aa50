package org.picu.worker.spider;

import java.util.List;

/**
 * What one crawl run produced.
 *
 * @param records how many records were handed to the sink
 * @param rejections items that were skipped, with the reason
 */
public record CrawlResult(int records, List<Rejection> rejections) {
    public CrawlResult {
        rejections = List.copyOf(rejections);
    }

    /** How many items were skipped. */
    public int rejected() {
        return rejections.size();
    }
}
