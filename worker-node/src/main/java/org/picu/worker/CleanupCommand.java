package org.picu.worker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.picu.worker.config.WorkerConfig;
import org.picu.worker.config.WorkerConfigLoader;
import org.picu.worker.spool.SpoolCleanup;
import org.picu.worker.spool.SpoolDirectory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cleanup --retention 7d --config <file>}: frees disk from shipped files; for cron. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
        description = "Deletes spool files already shipped to HDFS (*.uploaded) whose last change is older than the"
                + " retention, and removes empty date folders. Never deletes data that is not shipped yet.")
final class CleanupCommand implements Callable<Integer> {
    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([dhm])");

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "<file>", description = "The worker's YAML config file.")
    Path config;

    @Option(names = "--retention", required = true, paramLabel = "<age>",
            description = "Keep shipped files younger than this: 7d, 12h, 30m or ISO-8601 such as P7D.")
    String retention;

    @Override
    public Integer call() throws Exception {
        Duration keep = parseRetention(retention);
        WorkerConfig worker = WorkerConfigLoader.load(config);
        SpoolCleanup.Result result =
                new SpoolCleanup(new SpoolDirectory(worker.spool().dir()), Clock.systemUTC()).run(keep);
        spec.commandLine().getOut().println("cleanup: " + result.summary());
        return 0;
    }

    private Duration parseRetention(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(value);
        try {
            Duration d;
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "d" -> Duration.ofDays(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                d = Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--retention '" + text + "' is not an age; write e.g. 7d, 12h, 30m or P7D");
        }
    }
}
