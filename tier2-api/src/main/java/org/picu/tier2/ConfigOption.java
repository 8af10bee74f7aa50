package org.picu.tier2;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config} option every subcommand takes. */
final class ConfigOption {
    @Option(names = "--config", required = true, paramLabel = "FILE",
            description = "tier-2 YAML configuration (see tier2-example.yml)")
    Path file;
}
