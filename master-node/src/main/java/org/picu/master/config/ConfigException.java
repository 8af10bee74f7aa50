package org.picu.master.config;

import java.util.List;

/** The configuration file cannot be used; lists every problem found, not just the first. */
public class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String file, List<String> problems) {
        super("configuration " + file + " has " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
