package org.picu.worker;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.fetch.Fetcher;
import org.picu.worker.spider.CrawlResult;
import org.picu.worker.spider.Spider;
import org.picu.worker.spider.Spiders;
import org.picu.worker.spool.SpoolWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code crawl <source> --config <file>}: one run of a spider into the spool, then the spool file is rolled. */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Runs one crawl of a source into the local spool and rolls the spool file so it can be uploaded.")
final class CrawlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<source>", completionCandidates = SourceNames.class,
            description = "The source to crawl, one of: ${COMPLETION-CANDIDATES}.")
    String source;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    @Override
    public Integer call() throws Exception {
        if (!Spiders.names().contains(source)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown source '" + source + "'; known sources: " + String.join(", ", Spiders.names()));
        }
        WorkerConfig worker = WorkerConfigLoader.load(config);
        Spider spider = Spiders.create(source, worker).orElseThrow();
        Fetcher fetcher = new Fetcher(worker.fetch());
        CrawlResult result;
        List<Path> rolled;
        // Closing the writer rolls what was written even when the crawl fails half-way, so nothing is lost.
        try (SpoolWriter spool = SpoolWriter.open(worker.spool().dir(), spider.name(), worker.workerId(),
                worker.spool().rollBytes(), worker.spool().rollAge(), Clock.systemUTC())) {
            result = spider.crawl(fetcher, r -> spool.append(r.kind(), r.crawledAt(), r.url(), r.payload()));
            spool.roll();
            rolled = spool.rolledFiles();
        }
        spec.commandLine().getOut().printf("crawl %s: %d records written, %d rejected, %d %s rolled%n", source,
                result.records(), result.rejected(), rolled.size(), rolled.size() == 1 ? "file" : "files");
        return 0;
    }

    /** Lets picocli list the registered sources in help and errors. */
    static final class SourceNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Spiders.names().iterator();
        }
    }
}
