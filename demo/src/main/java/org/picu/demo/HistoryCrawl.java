package org.picu.demo;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.picu.demo.replay.SiteClock;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.fetch.RobotsCache;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spider.Spiders;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls the replay sites as they were at past instants, with the worker's own classes: for each source, one
 * crawl run every {@code cadence} from {@code from} up to {@code to}, in time order over all sources, each run
 * with the worker's {@link Fetcher} and {@link Spider} into the worker's {@link SpoolWriter}, and the
 * {@link SiteClock} standing at the run's instant. The fetcher stamps each record with that instant (the clock the
 * worker takes for exactly this), and the sites answer what they held then; so the spool ends up as a worker's
 * would after crawling those days. Nothing is written anywhere but the spool: upload, jobs and load follow as
 * for any crawl.
 *
 * <p>The history writer rolls a file per source and UTC day (not per hour, as the daemon does), which keeps the
 * local job runner's map tasks few.
 */
final class HistoryCrawl {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryCrawl.class);

    /** What the history crawl did, per source. */
    record Report(Map<String, Integer> runs, Map<String, Integer> records, Map<String, Integer> rejected,
            Map<String, Integer> failedRuns) {
        int totalRuns() {
            return runs.values().stream().mapToInt(Integer::intValue).sum();
        }

        int totalRecords() {
            return records.values().stream().mapToInt(Integer::intValue).sum();
        }

        String summary() {
            StringBuilder text = new StringBuilder();
            runs.forEach((source, n) -> text.append(text.isEmpty() ? "" : ", ").append(source).append(' ')
                    .append(records.get(source)).append(" records in ").append(n).append(" runs")
                    .append(rejected.get(source) > 0 ? " (" + rejected.get(source) + " rejected)" : "")
                    .append(failedRuns.get(source) > 0 ? " (" + failedRuns.get(source) + " runs failed)" : ""));
            return text.toString();
        }
    }

    private record Run(Instant at, String source) {
    }

    private HistoryCrawl() {
    }

    /**
     * @param cadence how often each source is crawled, in source order
     * @param from the first instant crawled (each source's runs are aligned to multiples of its cadence)
     * @param to the last run of each source is at this instant
     * @param done each source's last successful crawl (the worker's crawl ledger): runs up to it are not repeated
     */
    static Report crawl(WorkerConfig worker, SiteClock clock, Map<String, Duration> cadence, Instant from, Instant to,
            Map<String, Instant> done) throws IOException {
        List<Run> runs = new ArrayList<>();
        Map<String, Spider> spiders = new LinkedHashMap<>();
        Map<String, Integer> runCount = new LinkedHashMap<>();
        Map<String, Integer> records = new LinkedHashMap<>();
        Map<String, Integer> rejected = new LinkedHashMap<>();
        Map<String, Integer> failed = new LinkedHashMap<>();
        cadence.forEach((source, every) -> {
            spiders.put(
                    source,
                    Spiders.create(source, worker)
                            .orElseThrow(() -> new IllegalArgumentException("no spider for " + source)));
            long step = every.toMillis();
            long after = done.containsKey(source) ? done.get(source).toEpochMilli() : Long.MIN_VALUE;
            for (long at = Math.floorDiv(from.toEpochMilli() + step - 1, step) * step;
                    at < to.toEpochMilli();
                    at += step) {
                if (at > after) {
                    runs.add(new Run(Instant.ofEpochMilli(at), source));
                }
            }
            if (to.toEpochMilli() > after) {
                runs.add(new Run(to, source)); // and once at the end, so the first screen shows current data
            }
            runCount.put(source, 0);
            records.put(source, 0);
            rejected.put(source, 0);
            failed.put(source, 0);
        });
        runs.sort(Comparator.comparing(Run::at));
        SpoolDirectory spool = new SpoolDirectory(worker.spool().dir());
        RobotsCache robots = new RobotsCache(worker.fetch().robotsTtl(), Clock.systemUTC());
        // one fetcher (one HTTP client) per source for the whole history, as one long daemon run would have
        Map<String, Fetcher> fetchers = new LinkedHashMap<>();
        cadence.keySet().forEach(source -> fetchers.put(source, new Fetcher(worker.fetch(), clock, robots)));
        Map<String, Instant> lastSuccess = new LinkedHashMap<>();
        try (SpoolWriter writer = SpoolWriter.open(spool.root(), worker.workerId(), worker.spool().rollBytes(),
                Duration.ofDays(1), clock)) {
            for (Run run : runs) {
                clock.set(run.at());
                runCount.merge(run.source(), 1, Integer::sum);
                Spider spider = spiders.get(run.source());
                try {
                    // what CrawlRun does for the daemon, without its per-run fsync of the crawl ledger (written
                    // once per source below) and without the spool cap (the history is a few megabytes)
                    CrawlResult result = spider.crawl(fetchers.get(run.source()), record -> writer.append(spider.name(),
                            record.kind(), record.crawledAt(), record.url(), record.payload()));
                    records.merge(run.source(), result.records(), Integer::sum);
                    rejected.merge(run.source(), result.rejected(), Integer::sum);
                    lastSuccess.put(run.source(), run.at());
                } catch (FetchException | SpiderException e) {
                    // as the daemon does: a failed run is logged and the next one tries again
                    failed.merge(run.source(), 1, Integer::sum);
                    LOG.warn("history crawl of {} at {} failed: {}", run.source(), run.at(), e.getMessage());
                }
            }
        }
        CrawlLedger ledger = new CrawlLedger(spool.root());
        for (Map.Entry<String, Instant> last : lastSuccess.entrySet()) {
            ledger.recordSuccess(last.getKey(), last.getValue());
        }
        return new Report(runCount, records, rejected, failed);
    }
}
