package org.picu.tier2;

import java.util.concurrent.Callable;
import org.picu.tier2.config.Tier2Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tier2 migrate}: bring the database schema up to date, then exit. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply pending database migrations and exit.")
final class MigrateCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Tier2Service service = Tier2Service.open(Tier2Config.load(config.file))) {
            spec.commandLine().getOut().println("database schema is up to date");
        }
        return 0;
    }
}
