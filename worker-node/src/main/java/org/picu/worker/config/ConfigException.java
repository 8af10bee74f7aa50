package org.picu.worker.config;

import java.nio.file.Path;
import java.util.List;

/** The worker configuration cannot be used; carries every problem found, each naming its key. */
public class ConfigException extends Exception {
    private final transient Path file;
    private final List<String> problems;

    public ConfigException(Path file, List<String> problems) {
        super("config " + file + " has " + problems.size() + (problems.size() == 1 ? " problem: " : " problems: ")
                + String.join("; ", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file that was read. */
    public Path file() {
        return file;
    }

    /** One entry per problem, e.g. {@code "spool.roll-age 'an hour' is not an ISO-8601 duration such as PT1H"}. */
    public List<String> problems() {
        return problems;
    }
}
