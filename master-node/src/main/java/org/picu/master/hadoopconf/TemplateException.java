package org.picu.master.hadoopconf;

import java.util.List;

/** A template could not be rendered; lists every problem (missing variables, unreadable files) at once. */
public class TemplateException extends Exception {
    private final List<String> problems;

    public TemplateException(List<String> problems) {
        super("cannot render the Hadoop configuration, " + problems.size() + " problem(s):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
