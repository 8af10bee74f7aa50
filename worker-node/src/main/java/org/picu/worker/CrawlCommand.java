package org.picu.worker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.picu.model.BuiltInSource;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.daemon.CrawlRun;
import org.picu.worker.fetch.ChromiumRenderer;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.fetch.HostCooldowns;
import org.picu.worker.fetch.RobotsCache;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.Spiders;
import org.picu.worker.spool.CrawlLedger;
import org.picu.worker.spool.SpoolCapacity;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl <source> --config <file>}: one run of a spider into the spool, then the spool file is rolled. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Runs one crawl of a source into the local spool and rolls the spool file so it can be uploaded."
                + " When the spool is at spool.max-bytes the run is skipped (exit 1) and nothing is fetched.")
final class CrawlCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlCommand.class);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<source>", completionCandidates = BuiltInSourceNames.class,
            description = "The source to crawl: ${COMPLETION-CANDIDATES} or a declarative source of the config.")
    String source;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    /** The built-in source names for the help text. */
    static final class BuiltInSourceNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BuiltInSource.names().iterator();
        }
    }

    @Override
    public Integer call() throws Exception {
        WorkerConfig worker = WorkerConfigLoader.load(config);
        List<String> known = Spiders.names(worker);
        if (!known.contains(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown source '" + source + "'; known sources: " + String.join(", ", known));
        }
        Spider spider = Spiders.create(source, worker).orElseThrow();
        SpoolDirectory spoolDir = new SpoolDirectory(worker.spool().dir());
        SpoolCapacity capacity = new SpoolCapacity(spoolDir, worker.spool().maxBytes(), Duration.ofSeconds(1));
        if (capacity.full()) {
            // A cron-started run must not sit waiting for space; the next run tries again.
            LOG.error("crawl {} skipped: the spool {} is at spool.max-bytes ({} bytes) with data not yet shipped;"
                    + " run upload (nothing is deleted)", source, spoolDir.root(), worker.spool().maxBytes());
            return WorkerMain.EXIT_FAILURE;
        }
        Fetcher fetcher = new Fetcher(worker.fetch(), Clock.systemUTC(),
                new RobotsCache(worker.fetch().robotsTtl(), Clock.systemUTC()),
                HostCooldowns.at(spoolDir.root(), Clock.systemUTC()), new ChromiumRenderer(worker.render()));
        CrawlResult result;
        List<Path> rolled;
        // Closing the writer rolls what was written even when the crawl fails half-way, so nothing is lost.
        try (SpoolWriter spool = SpoolWriter.open(spoolDir.root(), spider.name(), worker.workerId(),
                worker.spool().rollBytes(), worker.spool().rollAge(), Clock.systemUTC())) {
            CrawlRun run = new CrawlRun(spool, capacity, new CrawlLedger(spoolDir.root()), Clock.systemUTC());
            result = run.run(spider, fetcher, () -> true);
            spool.roll();
            rolled = spool.rolledFiles();
        }
        spec.commandLine().getOut().printf("crawl %s: %d records written, %d rejected, %d %s rolled%s%n", source,
                result.records(), result.rejected(), rolled.size(), rolled.size() == 1 ? "file" : "files",
                result.stoppedBy().map(r -> "; stopped: " + r.reason()).orElse(""));
        return 0;
    }
}
