package org.picu.worker;

import java.io.PrintWriter;
import org.picu.model.logging.ProcessLogging;
import org.picu.worker.config.ConfigException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The worker's command line: {@code crawl <source>}, {@code upload}, {@code daemon}, {@code status} and
 * {@code cleanup --retention 7d}, each with {@code --config <file>}.
 *
 * <p>Exit codes: 0 success; 1 runtime failure (one log line says why; for {@code upload} also when some
 * files could not be shipped and stay in the spool); 2 usage error or invalid config file. This is the only
 * place that catches every exception.
 */
@Command(name = "picu-worker", mixinStandardHelpOptions = true, version = "picu-worker 0.1",
        description = "PICU crawler agent: crawls a source into the local spool and ships the spool to HDFS.",
        subcommands = {CrawlCommand.class, UploadCommand.class, DaemonCommand.class, StatusCommand.class,
                CleanupCommand.class})
public final class WorkerMain implements Runnable {
    /** Exit code of a usage error or an invalid config file. */
    public static final int EXIT_USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a runtime failure. */
    public static final int EXIT_FAILURE = CommandLine.ExitCode.SOFTWARE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Missing command: crawl, upload, daemon, status or cleanup");
    }

    /** Runs the command line and exits the JVM with its exit code. */
    public static void main(String[] args) {
        // Only a real process gets the shared logging setup; tests and the demo keep their own.
        ProcessLogging.configure("picu-worker");
        System.exit(run(args));
    }

    /** Runs the command line with standard output and error; returns the exit code instead of exiting. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs the command line, printing results to {@code out} and usage errors to {@code err}.
     *
     * @return the exit code: 0, {@link #EXIT_FAILURE} or {@link #EXIT_USAGE}
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new WorkerMain());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(WorkerMain::handleFailure);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static int handleFailure(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        String name = command.getCommandName();
        if (e instanceof ConfigException) {
            command.getErr().println(name + ": " + e.getMessage());
            command.getErr().flush();
            return EXIT_USAGE;
        }
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        LoggerFactory.getLogger(WorkerMain.class).error("{} failed: {}", name, message);
        LoggerFactory.getLogger(WorkerMain.class).debug("{} failure detail", name, e);
        return EXIT_FAILURE;
    }
}
