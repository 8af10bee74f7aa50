package org.picu.worker.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.fetch.FetchException;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.fetch.ChromiumRenderer;
import org.picu.worker.fetch.HostCooldowns;
import org.picu.worker.fetch.RobotsCache;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.SpiderException;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;
import org.picu.worker.upload.UploadLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running worker: runs each assigned source on its cron schedule into one spool writer that stays
 * open across runs (files roll by size, age and UTC day, so a source gives at most one file per roll-age), while an
 * {@link UploadLoop} ships complete files on its own thread. After every run the writer is
 * synced (group commit), so a crash loses at most the run in progress. One failed run is logged and
 * the next one is tried on schedule; a run still going at its next fire time skips that fire time.
 */
public final class WorkerDaemon {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerDaemon.class);
    /** How often the loop wakes when nothing is due, to roll old files and notice a stop. */
    private static final long TICK_MILLIS = 1000;

    private final WorkerConfig config;
    private final Map<String, Spider> spiders;
    private final Map<String, CronSchedule> schedules;
    private final UploadLoop uploads;
    private final Clock clock;
    private final CrawlRun.Observer observer;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * @param spiders the sources to run, each with its schedule in {@code schedules}
     */
    public WorkerDaemon(WorkerConfig config, Map<String, Spider> spiders, Map<String, CronSchedule> schedules,
                        UploadLoop uploads, Clock clock) {
        this(config, spiders, schedules, uploads, clock, CrawlRun.Observer.NONE);
    }

    /** @param observer told about every crawl run (the metrics) */
    public WorkerDaemon(WorkerConfig config, Map<String, Spider> spiders, Map<String, CronSchedule> schedules,
                        UploadLoop uploads, Clock clock, CrawlRun.Observer observer) {
        this.observer = observer;
        this.config = config;
        this.spiders = Map.copyOf(spiders);
        this.schedules = Map.copyOf(schedules);
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Runs until {@link #stop()} is called or {@code maxRuntime} (if not null) has passed, then rolls every
     * open spool file and lets the uploader finish its round.
     */
    public void run(Duration maxRuntime) throws IOException, InterruptedException {
        Instant end = maxRuntime == null ? Instant.MAX : clock.instant().plus(maxRuntime);
        SpoolDirectory spool = new SpoolDirectory(config.spool().dir());
        RobotsCache robots = new RobotsCache(config.fetch().robotsTtl(), clock);
        HostCooldowns cooldowns = HostCooldowns.at(spool.root(), clock);
        ChromiumRenderer renderer = new ChromiumRenderer(config.render());
        SpoolCapacity capacity = new SpoolCapacity(spool, config.spool().maxBytes(), Duration.ofSeconds(1));
        Thread uploader = uploads.start();
        try (SpoolWriter writer = SpoolWriter.open(spool.root(), config.workerId(), config.spool().rollBytes(),
                config.spool().rollAge(), clock)) {
            CrawlRun crawl = new CrawlRun(writer, capacity, new CrawlLedger(spool.root()), clock, observer);
            Map<String, Instant> next = new LinkedHashMap<>();
            spiders.keySet().forEach(s -> next.put(s, nextFire(s, clock.instant())));
            LOG.info("daemon of worker {} started: {}", config.workerId(), schedules);
            while (stop.getCount() > 0 && clock.instant().isBefore(end)) {
                for (Map.Entry<String, Instant> due : next.entrySet()) {
                    if (stop.getCount() == 0 || due.getValue().isAfter(clock.instant())) {
                        continue;
                    }
                    runOnce(crawl, cooldowns, renderer, spiders.get(due.getKey()), robots);
                    writer.sync();
                    due.setValue(nextFire(due.getKey(), clock.instant()));
                }
                writer.rollDue();
                long sleep = Math.min(TICK_MILLIS, Math.max(1, millisUntil(next.values().stream()
                        .min(Instant::compareTo).orElse(Instant.MAX))));
                stop.await(Math.min(sleep, Math.max(1, millisUntil(end))), TimeUnit.MILLISECONDS);
            }
        } finally {
            // The writer rolled its files on close; one more round ships them if HDFS answers.
            uploads.stop(Duration.ofSeconds(60));
            uploads.round();
            uploader.join(1000);
            stopped.countDown();
            LOG.info("daemon of worker {} stopped", config.workerId());
        }
    }

    private void runOnce(CrawlRun crawl, HostCooldowns cooldowns, ChromiumRenderer renderer, Spider spider,
                         RobotsCache robots) {
        Fetcher fetcher = new Fetcher(config.fetch(), clock, robots, cooldowns, renderer);
        try {
            CrawlResult result = crawl.run(spider, fetcher, () -> stop.getCount() == 0);
            LOG.info("crawl {}: {} records written, {} rejected", spider.name(), result.records(), result.rejected());
        } catch (FetchException | SpiderException | IOException e) {
            LOG.warn("crawl {} failed: {}; the next run is on schedule", spider.name(), e.getMessage());
        } catch (RuntimeException e) {
            // A spider bug must not take the worker (and its uploads) down; it is logged with its trace.
            LOG.error("crawl {} failed unexpectedly; the next run is on schedule", spider.name(), e);
        }
    }

    private Instant nextFire(String source, Instant after) {
        return schedules.get(source).nextAfter(after).orElse(Instant.MAX);
    }

    private long millisUntil(Instant at) {
        if (at.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        return Duration.between(clock.instant(), at).toMillis();
    }

    /** Asks the daemon to stop; returns at once. */
    public void stop() {
        stop.countDown();
    }

    /** Waits until {@link #run} has returned. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
