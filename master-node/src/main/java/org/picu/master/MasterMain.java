package org.picu.master;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.picu.master.config.ConfigException;
import org.picu.master.config.MasterConfig;
import org.picu.master.submit.ClusterConfiguration;
import org.picu.master.submit.DatePipeline;
import org.picu.model.layout.PartitionDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code picu-master <command>}: the master node's entry point. */
@Command(name = "picu-master", mixinStandardHelpOptions = true, version = "picu-master 0.1.0",
        description = "Runs PICU's MapReduce jobs on the configured cluster and publishes their output.",
        subcommands = {MasterMain.RunDate.class})
public final class MasterMain {
    private static final Logger LOG = LoggerFactory.getLogger(MasterMain.class);

    /** Runs a command line and returns its exit code: 0 ok, 1 failure, 2 usage error. */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new MasterMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException) {
                LOG.error(e.getMessage());
            } else {
                LOG.error("{} failed: {}", cmd.getCommandName(), e.toString(), e);
            }
            return 1;
        });
        return cli.execute(args);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    @Command(name = "run-date", mixinStandardHelpOptions = true,
            description = "Run every job for one UTC day (clean-market) and publish the results.")
    static final class RunDate implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "YYYYMMDD", converter = DateConverter.class,
                description = "the day to process (UTC); 'today' for today")
        PartitionDate date;

        @Option(names = "--config", required = true, paramLabel = "FILE", description = "master.yml")
        Path config;

        @Override
        public Integer call() throws Exception {
            MasterConfig cfg = MasterConfig.load(config);
            return new DatePipeline(ClusterConfiguration.from(cfg)).run(date);
        }
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
