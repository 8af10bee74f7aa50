package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code database.embedded.*}: whether tier-2 starts its own MariaDB (the local demo does) and where.
 *
 * @param enabled start an embedded server instead of connecting to {@code database.url}
 * @param baseDir data, tmp files and socket of the embedded server; required when enabled
 * @param port TCP port on 127.0.0.1, 0 for any free port
 * @param preferSystemBinaries use an installed {@code /usr/sbin/mariadbd} instead of the bundled server when present
 * @param serverOptions extra {@code mariadbd} options ({@code --name=value}), e.g. the InnoDB sizes the tier-2 README
 *     recommends for big partitions
 */
public record EmbeddedDatabaseConfig(boolean enabled, Optional<Path> baseDir, int port, boolean preferSystemBinaries,
        List<String> serverOptions) {
    static final Pattern SERVER_OPTION = Pattern.compile("--[a-z0-9][a-z0-9_-]*(=[A-Za-z0-9_.:/+-]*)?");

    public EmbeddedDatabaseConfig {
        requireNonNull(baseDir, "baseDir is null");
        serverOptions = List.copyOf(serverOptions);
        for (String option : serverOptions) {
            if (!SERVER_OPTION.matcher(option).matches()) {
                throw new IllegalArgumentException("database.embedded.server-options: '" + option
                        + "' must look like --name=value, e.g. --innodb-buffer-pool-size=1G");
            }
        }
        if (enabled && baseDir.isEmpty()) {
            throw new IllegalArgumentException(
                    "database.embedded.base-dir is required when the embedded database is enabled");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("database.embedded.port must be from 0 to 65535, got " + port);
        }
    }

    /** A server with the default options. */
    public EmbeddedDatabaseConfig(boolean enabled, Optional<Path> baseDir, int port, boolean preferSystemBinaries) {
        this(enabled, baseDir, port, preferSystemBinaries, List.of());
    }

    public static EmbeddedDatabaseConfig disabled() {
        return new EmbeddedDatabaseConfig(false, Optional.empty(), 0, false);
    }

    public static EmbeddedDatabaseConfig at(Path baseDir, int port) {
        return new EmbeddedDatabaseConfig(true, Optional.of(baseDir), port, false);
    }
}
