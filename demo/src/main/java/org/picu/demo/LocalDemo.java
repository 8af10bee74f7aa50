package org.picu.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.picu.model.layout.PartitionDate;
import org.picu.testkit.replay.ReplayServer;
import org.picu.tier2.Tier2Service;
import org.picu.tier2.api.ApiServer;
import org.picu.tier2.load.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./picu-demo}: the whole pipeline on this machine with embedded defaults, then the API.
 *
 * <p>Hadoop runs in standalone mode (local file system, local job runner), MariaDB is started from the
 * bundled binaries, and Upbit is replayed from recorded responses on loopback. Running it again crawls
 * again and shows that nothing is loaded twice.
 */
@Command(name = "picu-demo", mixinStandardHelpOptions = true,
        description = "Runs crawl -> spool -> raw -> clean-market -> Parquet -> MariaDB -> API locally, then serves the API.")
public final class LocalDemo implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(LocalDemo.class);

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port of the API (default ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Option(names = "--data-dir", defaultValue = "data/demo", description = "where everything is written (default ${DEFAULT-VALUE})")
    Path dataDir;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Instant start = Instant.now();
        Path work = Files.createDirectories(dataDir).toAbsolutePath();
        Path storage = Files.createDirectories(work.resolve("hdfs"));
        try (ReplayServer upbit = ReplayServer.start("upbit")) {
            LOG.info("Replaying recorded Upbit responses at {}", upbit.baseUrl());
            LocalPipeline pipeline = new LocalPipeline(work, storage.toUri(), upbit.baseUrl());
            pipeline.crawlAndUpload();
            List<PartitionDate> days = pipeline.runJobs();
            Tier2Service tier2 = pipeline.openTier2(pipeline.tier2Yaml("""
                    database:
                      embedded:
                        enabled: true
                        base-dir: %s
                        port: 0
                    """.formatted(work.resolve("mariadb")), port));
            Runtime.getRuntime().addShutdownHook(new Thread(tier2::close, "picu-demo-shutdown"));
            LoadReport report = tier2.load();
            ApiServer api = tier2.startApi();
            System.out.printf("%nPICU demo ready in %d s: crawled %s, published %s, load: %s%n",
                    Duration.between(start, Instant.now()).toSeconds(), upbit.requestCount() + " requests", days,
                    report.summary());
            System.out.printf("Query it:  curl '%s/api/market/trends?symbol=BTC&limit=5'%n", api.baseUrl());
            System.out.printf("           curl '%s/health'%n", api.baseUrl());
            System.out.printf("Dashboard: %s/dashboard%n", api.baseUrl());
            System.out.println("Data, configs and logs: " + work + "   (Ctrl-C stops the API and MariaDB)");
        }
        new CountDownLatch(1).await();
        return 0;
    }
}
