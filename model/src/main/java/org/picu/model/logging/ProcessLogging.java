package org.picu.model.logging;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Selects the logging setup every PICU command shares ({@code picu-log4j.properties} in this module): stderr
 * (the journal under systemd) and a rolled file {@code <dir>/<command>.log}. Each deployable's {@code main}
 * calls {@link #configure} before anything logs; tests and embedding code that call {@code run(...)} keep
 * their own setup.
 */
public final class ProcessLogging {
    /** The shared configuration on the class path. */
    public static final String CONFIG = "picu-log4j.properties";
    /** Where the provisioned nodes keep PICU's log files (Ansible creates it, owned by the service user). */
    public static final Path NODE_LOG_DIR = Path.of("/var/log/picu");

    private ProcessLogging() {
    }

    /**
     * Sets the log4j system properties for the process named {@code name}, leaving any the command line already
     * set: {@code log4j.configuration}, {@code picu.log.name} and {@code picu.log.dir} (the {@code PICU_LOG_DIR}
     * environment variable, else {@link #NODE_LOG_DIR} when it is a writable directory, else {@code ./logs}).
     */
    public static void configure(String name) {
        setIfAbsent("log4j.configuration", CONFIG);
        setIfAbsent("picu.log.name", name);
        setIfAbsent("picu.log.dir", logDir(System.getenv("PICU_LOG_DIR")).toString());
    }

    static Path logDir(String fromEnvironment) {
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment);
        }
        if (Files.isDirectory(NODE_LOG_DIR) && Files.isWritable(NODE_LOG_DIR)) {
            return NODE_LOG_DIR;
        }
        return Path.of("logs");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
