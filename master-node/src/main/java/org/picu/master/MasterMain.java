package org.picu.master;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.picu.jobs.DatasetJob;
import org.picu.master.config.ConfigException;
import org.picu.master.config.MasterConfig;
import org.picu.master.hadoopconf.HadoopConf;
import org.picu.master.hadoopconf.TemplateException;
import org.picu.master.health.CheckResult;
import org.picu.master.health.HealthChecks;
import org.picu.master.health.HealthReport;
import org.picu.master.metrics.MasterMetricsEndpoint;
import org.picu.master.run.Mode;
import org.picu.master.run.Outcome;
import org.picu.master.run.PassReport;
import org.picu.master.run.Sleeper;
import org.picu.master.schedule.Daemon;
import org.picu.master.schedule.DatasetSchedules;
import org.picu.master.status.PipelineStatus;
import org.picu.master.submit.ClusterConfiguration;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.PartitionDate;
import org.picu.model.logging.ProcessLogging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code picu-master <command>}: the master node's entry point. */
@Command(
        name = "picu-master",
        mixinStandardHelpOptions = true,
        version = "picu-master 0.1.0",
        description = "Schedules PICU's MapReduce jobs on the configured cluster, publishes, and reports.",
        subcommands = {
            MasterMain.Daemon.class,
            MasterMain.Cycle.class,
            MasterMain.RunDate.class,
            MasterMain.Backfill.class,
            MasterMain.Status.class,
            MasterMain.Health.class,
            MasterMain.RenderConf.class,
            MasterMain.HdfsInitCommand.class
        })
public final class MasterMain {
    /** Created on first use, so that {@code main} selects the logging setup before log4j initialises. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(MasterMain.class);
    }

    /** Exit code of a usage error or an unusable configuration: restarting cannot fix it (the units stop on it). */
    public static final int EXIT_CONFIG = CommandLine.ExitCode.USAGE;

    /**
     * Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage error or unusable configuration
     * (every problem of the file is printed to standard error, whatever the logging setup).
     */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new MasterMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof TemplateException) {
                cmd.getErr().println("picu-master " + cmd.getCommandName() + ": " + e.getMessage());
                cmd.getErr().flush();
                return EXIT_CONFIG;
            }
            Log.LOG.error("{} failed: {}", cmd.getCommandName(), e.toString(), e);
            return 1;
        });
        return cli.execute(args);
    }

    /** Set by the daemon's shutdown hook: the JVM is exiting already, and {@code System.exit} would block it. */
    private static volatile boolean stopping;

    public static void main(String[] args) {
        ProcessLogging.configure("picu-master");
        int code = run(args);
        // During a SIGTERM the shutdown hook waits for this thread; System.exit here would block until that wait
        // timed out (60 s), so every stop of the daemon took a minute.
        if (!stopping) {
            System.exit(code);
        }
    }

    /** Options every cluster command shares. */
    static class WithConfig {
        @Option(names = "--config", required = true, paramLabel = "FILE", description = "master.yml")
        Path config;

        MasterContext context() throws Exception {
            return MasterContext.of(MasterConfig.load(config));
        }
    }

    @Command(name = "daemon", mixinStandardHelpOptions = true,
            description = "Run cycles on each dataset's cron schedule until stopped (systemd runs this).")
    static final class Daemon extends WithConfig implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            MasterContext ctx = context();
            var schedules = new DatasetSchedules(ctx.config().orchestrator(),
                    ctx.registry().jobs().stream().map(DatasetJob::dataset).toList());
            reportUnavailable(ctx);
            Log.LOG.info(
                    "Orchestrator {} scheduling on {}",
                    ctx.config().orchestrator().id(),
                    ClusterConfiguration.describe(ctx.conf()));
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopping = true;
                // Interrupted again every 2 s: a library call that swallows an interrupt (Hadoop's local file system
                // running chmod while a lock file is created) must not keep the daemon cycling until the 60 s are up.
                long until = System.nanoTime() + 60_000_000_000L;
                try {
                    while (main.isAlive() && System.nanoTime() < until) {
                        main.interrupt();
                        main.join(2_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            List<Dataset> datasets = ctx.registry().jobs().stream().map(DatasetJob::dataset).toList();
            try (MasterMetricsEndpoint metrics = MasterMetricsEndpoint.start(
                    ctx.config().metrics(), ctx.fs(), ctx.layout(), datasets, ctx.clock())) {
                new org.picu.master.schedule.Daemon(ctx.orchestrator(), schedules, ctx.clock(), Sleeper.REAL,
                        metrics.cycles()).run(datasets);
            } catch (InterruptedException e) {
                Log.LOG.info("Stopped");
            }
            return 0;
        }
    }

    @Command(name = "cycle", mixinStandardHelpOptions = true,
            description = "Run one cycle now for every dataset: new or late raw files within the lookback window.")
    static final class Cycle extends WithConfig implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            MasterContext ctx = context();
            reportUnavailable(ctx);
            PassReport report = ctx.orchestrator().cycle(List.of(Dataset.values()));
            report.outcomes().stream().filter(o -> o.run().isPresent()).forEach(o -> System.out.println(o.describe()));
            System.out.printf(
                    "cycle: %d run(s), %d failed%n",
                    report.runs().size(), report.of(Outcome.Kind.FAILED).size());
            return report.anyFailed() ? 1 : 0;
        }
    }

    @Command(name = "run-date", mixinStandardHelpOptions = true,
            description = "Run every available job for one UTC day, in dependency order, even if it is up to date.")
    static final class RunDate extends WithConfig implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "YYYYMMDD", converter = DateConverter.class,
                description = "the day to process (UTC); 'today' for today")
        PartitionDate date;

        @Override
        public Integer call() throws Exception {
            MasterContext ctx = context();
            Log.LOG.info("Running jobs for {} on {}", date, ClusterConfiguration.describe(ctx.conf()));
            PassReport report = ctx.orchestrator().run(List.of(date), List.of(Dataset.values()), Mode.FORCE, o -> { });
            report.outcomes().forEach(o -> System.out.println(o.describe()));
            return report.anyFailed() ? 1 : 0;
        }
    }

    @Command(
            name = "backfill",
            mixinStandardHelpOptions = true,
            description =
                    "Build every day of a range; re-running it skips days already published from the same inputs.")
    static final class Backfill extends WithConfig implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "YYYYMMDD", converter = DateConverter.class)
        PartitionDate from;

        @Option(names = "--to", required = true, paramLabel = "YYYYMMDD", converter = DateConverter.class)
        PartitionDate to;

        @Option(names = "--dataset", paramLabel = "NAME", split = ",",
                description = "only these datasets (repeat or comma-separate), e.g. market_ticks,candles_1h")
        List<String> datasets = List.of();

        @Override
        public Integer call() throws Exception {
            if (to.compareTo(from) < 0) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--to " + to + " is before --from " + from);
            }
            List<Dataset> chosen = new ArrayList<>();
            for (String name : datasets) {
                chosen.add(Dataset.fromDirName(name).orElseThrow(() -> new CommandLine.ParameterException(
                        new CommandLine(this), "unknown dataset '" + name + "'; known: " + knownDatasets())));
            }
            if (chosen.isEmpty()) {
                chosen.addAll(List.of(Dataset.values()));
            }
            List<PartitionDate> days = new ArrayList<>();
            for (LocalDate d = from.day(); !d.isAfter(to.day()); d = d.plusDays(1)) {
                days.add(new PartitionDate(d));
            }
            MasterContext ctx = context();
            reportUnavailable(ctx);
            long total = (long) days.size()
                    * ctx.registry().jobs().stream()
                            .filter(j -> chosen.contains(j.dataset()))
                            .count();
            int[] done = {0};
            PrintStream out = System.out;
            PassReport report = ctx.orchestrator().run(days, chosen, Mode.IF_STALE,
                    o -> out.printf("[%d/%d] %s%n", ++done[0], total, o.describe()));
            out.printf(
                    "backfill %s..%s: %d run(s), %d published, %d up to date, %d failed%n",
                    from,
                    to,
                    report.runs().size(),
                    report.of(Outcome.Kind.SUCCEEDED).size(),
                    report.of(Outcome.Kind.UP_TO_DATE).size(),
                    report.of(Outcome.Kind.FAILED).size());
            return report.anyFailed() ? 1 : 0;
        }
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description =
                    "Per dataset the last published day, lag and failures; per worker its last upload and backlog.")
    static final class Status extends WithConfig implements Callable<Integer> {
        @Override
        public Integer call() throws Exception {
            MasterContext ctx = context();
            new PipelineStatus(ctx.fs(), ctx.layout(), ctx.registry(), ctx.catalog())
                    .print(System.out, ctx.clock().instant());
            return 0;
        }
    }

    @Command(name = "health", mixinStandardHelpOptions = true,
            description = "Monitoring checks, one line each; exit 0 when all pass, 1 when any fails.")
    static final class Health extends WithConfig implements Callable<Integer> {
        @Option(names = "--publish", description = "also write the result to ledger/_health.json for tier-2")
        boolean publish;

        @Override
        public Integer call() throws Exception {
            MasterConfig cfg = MasterConfig.load(config);
            org.apache.hadoop.conf.Configuration conf = ClusterConfiguration.from(cfg);
            var layout = new org.picu.model.layout.HdfsLayout(cfg.layoutRoot());
            Clock clock = Clock.systemUTC();
            List<CheckResult> results = new HealthChecks(conf, layout, cfg.health(), clock).all();
            results.forEach(r -> System.out.println(r.line()));
            boolean ok = results.stream().allMatch(CheckResult::ok);
            if (publish && results.get(0).ok()) {
                HealthReport.publish(new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(conf), layout,
                        clock.instant(), results);
            }
            return ok ? 0 : 1;
        }
    }

    @Command(
            name = "render-conf",
            mixinStandardHelpOptions = true,
            description =
                    "Write the Hadoop site files of a profile (pi4-cluster, pseudo-distributed) into a directory.")
    static final class RenderConf implements Callable<Integer> {
        @Option(
                names = "--profile",
                required = true,
                paramLabel = "NAME",
                description = "pi4-cluster or pseudo-distributed")
        String profile;

        @Option(names = "--out", required = true, paramLabel = "DIR")
        Path out;

        @Option(names = "--set", paramLabel = "NAME=VALUE", mapFallbackValue = "",
                description = "replace a variable of the profile (repeatable), e.g. --set namenode_rpc_port=29000;"
                        + " only the profile's own variables")
        java.util.Map<String, String> substitutions = new java.util.LinkedHashMap<>();

        @Override
        public Integer call() throws Exception {
            if (!HadoopConf.PROFILES.contains(profile)) {
                throw new CommandLine.ParameterException(new CommandLine(this),
                        "unknown profile '" + profile + "'; known: " + HadoopConf.PROFILES);
            }
            List<Path> written;
            try {
                written = HadoopConf.renderTo(profile, substitutions, out);
            } catch (org.picu.master.hadoopconf.TemplateException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--set: " + e.getMessage());
            }
            written.forEach(System.out::println);
            return 0;
        }
    }

    @Command(
            name = "hdfs-init",
            mixinStandardHelpOptions = true,
            description = {
                "Create PICU's HDFS directories with their owners and modes, or fix the ones that differ"
                        + " (raw, cleaned, staging, locks, heartbeats, ledger, /user/<service user>, /tmp).",
                "Run it as the HDFS superuser; safe to repeat. Exit 0 also when nothing changed (see the last line)."
            })
    static final class HdfsInitCommand extends WithConfig implements Callable<Integer> {
        @Option(names = "--owner", paramLabel = "USER:GROUP", defaultValue = "picu:picu",
                description = "the service user and group PICU's processes run as (default: ${DEFAULT-VALUE})")
        String owner;

        @Option(
                names = "--wait-seconds",
                paramLabel = "N",
                defaultValue = "0",
                description =
                        "wait up to N seconds for HDFS to answer and leave safe mode first (default: ${DEFAULT-VALUE})")
        int waitSeconds;

        @Override
        public Integer call() throws Exception {
            if (waitSeconds < 0) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--wait-seconds must be 0 or more");
            }
            String[] userGroup = owner.split(":", -1);
            if (userGroup.length != 2 || userGroup[0].isBlank() || userGroup[1].isBlank()) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this), "--owner must be USER:GROUP, not '" + owner + "'");
            }
            MasterConfig cfg = MasterConfig.load(config);
            org.apache.hadoop.conf.Configuration conf = ClusterConfiguration.from(cfg);
            var layout = new org.picu.model.layout.HdfsLayout(cfg.layoutRoot());
            var fs = org.picu.master.bootstrap.HdfsInit.fileSystem(layout.root(), conf);
            org.picu.master.bootstrap.HdfsInit.awaitReady(fs, java.time.Duration.ofSeconds(waitSeconds), System.out);
            int changed = new org.picu.master.bootstrap.HdfsInit(fs, userGroup[0], userGroup[1])
                    .apply(org.picu.master.bootstrap.HdfsTree.of(layout, userGroup[0]), System.out);
            System.out.printf("hdfs-init: %d created or fixed%n", changed);
            return 0;
        }
    }

    private static void reportUnavailable(MasterContext ctx) {
        ctx.registry().jobs().stream().filter(j -> !ctx.catalog().has(j.jobName())).forEach(j ->
                Log.LOG.warn("Job {} ({}) is not in the installed job jar; {} is skipped until it is",
                        j.jobName(), j.dataset().dirName(), j.dataset().dirName()));
    }

    private static List<String> knownDatasets() {
        return java.util.Arrays.stream(Dataset.values()).map(Dataset::dirName).toList();
    }

    /** Parses YYYYMMDD or 'today'; a bad value is a usage error (exit 2) naming the expected form. */
    static final class DateConverter implements CommandLine.ITypeConverter<PartitionDate> {
        @Override
        public PartitionDate convert(String value) {
            if ("today".equals(value)) {
                return PartitionDate.of(Clock.systemUTC().instant());
            }
            try {
                return PartitionDate.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
