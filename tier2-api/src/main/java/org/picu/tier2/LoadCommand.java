package org.picu.tier2;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.picu.tier2.config.Tier2Config;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.load.LoaderBusyException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tier2 load}: migrate, load every new published partition once, print a summary; exit 1 if any failed.
 * Exits 0 without loading when another loader holds the load lock.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Migrate, then load all published partitions not loaded yet, and exit.")
final class LoadCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (Tier2Service service = Tier2Service.open(Tier2Config.load(config.file))) {
            LoadReport report;
            try {
                report = service.load();
            } catch (LoaderBusyException e) {
                // not a failure for cron: the running loader loads what this one would have
                spec.commandLine().getOut().println("skipped: " + e.getMessage());
                return 0;
            }
            spec.commandLine().getOut().println(report.summary());
            report.failures().forEach(f -> spec.commandLine().getErr().println("failed " + f.dataset().dirName()
                    + "/" + f.date() + ": " + f.detail()));
            return report.failed() == 0 ? 0 : 1;
        }
    }
}
