package org.picu.jobs.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.feargreed.CleanFearGreedConfigKeys;
import org.picu.jobs.clean.news.CleanNewsConfigKeys;
import org.picu.model.layout.Dataset;

/**
 * The orchestrator decides which days are out of date from the dataset's default sources (or the job's
 * {@code picu.<job>.sources} setting); a source the job reads by default but the orchestrator does not watch
 * would have its late files never picked up.
 */
class SourcesDefaultsTest {
    @Test
    void each_cleaning_jobs_default_sources_are_the_datasets_default_sources() {
        assertEquals(String.join(",", Dataset.MARKET_TICKS.rawSources()), CleanMarketConfigKeys.SOURCES_DEFAULT);
        assertEquals(String.join(",", Dataset.NEWS.rawSources()), CleanNewsConfigKeys.SOURCES_DEFAULT);
        assertEquals(String.join(",", Dataset.FEAR_GREED.rawSources()), CleanFearGreedConfigKeys.SOURCES_DEFAULT);
        assertEquals("picu.clean-market.sources", CleanMarketConfigKeys.SOURCES);
        assertEquals("picu.clean-news.sources", CleanNewsConfigKeys.SOURCES);
        assertEquals("picu.clean-fear-greed.sources", CleanFearGreedConfigKeys.SOURCES);
    }
}
