package org.picu.master.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.util.Tool;

/**
 * The jobs that can actually be run, by {@code hadoop jar} name. A registry entry whose job is not here
 * (not yet in the installed job jar) is reported as unavailable and skipped.
 */
public final class JobCatalog {
    private final Map<String, Supplier<Tool>> tools;

    public JobCatalog(Map<String, Supplier<Tool>> tools) {
        this.tools = new TreeMap<>(tools);
    }

    /** The jobs registered in mapreduce-jobs' {@code ProgramDriver}, i.e. what {@code hadoop jar} lists. */
    public static JobCatalog fromJobJar() {
        return new JobCatalog(DriverJobs.tools());
    }

    /** A fresh Tool for the job, or empty when the job jar does not have it. */
    public Optional<Tool> newTool(String jobName) {
        return Optional.ofNullable(tools.get(jobName)).map(Supplier::get);
    }

    public boolean has(String jobName) {
        return tools.containsKey(jobName);
    }

    public Set<String> names() {
        return tools.keySet();
    }
}
