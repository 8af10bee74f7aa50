package org.picu.tier2.config;

import java.util.List;

/** A configuration file that cannot be used; lists every problem found, not just the first. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /** The file (or other source) the configuration came from. */
    public String source() {
        return source;
    }

    /** One line per problem, each naming the key and what is expected. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String source, List<String> problems) {
        StringBuilder text = new StringBuilder("configuration ").append(source).append(" has ")
                .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
        for (String problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
