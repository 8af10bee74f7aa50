package org.picu.tier2;

import java.util.concurrent.Callable;
import org.picu.model.logging.ProcessLogging;
import org.picu.tier2.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tier2} command: {@code migrate}, {@code load} and {@code serve}, each with {@code --config FILE}.
 * Exit codes: 0 success, 1 failure (one log line says why), 2 usage error or unusable configuration (every
 * problem of the file printed to standard error).
 */
@Command(name = "tier2", mixinStandardHelpOptions = true, versionProvider = Tier2Main.Version.class,
        description = "PICU tier 2: load published partitions into MariaDB and serve them over HTTP.",
        subcommands = {MigrateCommand.class, LoadCommand.class, ServeCommand.class})
public final class Tier2Main implements Callable<Integer> {
    /** Created on first use, so that {@code main} selects the logging setup before log4j initialises. */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Tier2Main.class);
    }

    @Spec
    CommandSpec spec;

    /** Exit code of a usage error or an unusable configuration: restarting cannot fix it (the units stop on it). */
    public static final int EXIT_CONFIG = CommandLine.ExitCode.USAGE;

    public static void main(String[] args) {
        ProcessLogging.configure("picu-tier2");
        System.exit(run(args));
    }

    /** Runs the command line without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Tier2Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof ConfigException) {
                cmd.getErr().println("tier2 " + cmd.getCommandName() + ": " + e.getMessage());
                cmd.getErr().flush();
                return EXIT_CONFIG;
            }
            Log.LOG.error("tier2 {} failed: {}", cmd.getCommandName(), describe(e));
            Log.LOG.debug("stack trace of the failure", e);
            return 1;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "give a command: migrate, load or serve");
    }

    // The message chain on one line: the top message alone often hides the real cause (e.g. "connection refused").
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage() != null ? e.getMessage() : e.toString()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append("; caused by: ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** Supplies {@code --version}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tier2 " + Tier2Version.current()};
        }
    }
}
