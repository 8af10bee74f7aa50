package org.picu.master.registry;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.hadoop.util.Tool;
import org.picu.jobs.PicuJobs;

/**
 * The jobs that can actually be run, by {@code hadoop jar} name: the job jar's, or, in tests, wrapped or
 * fake ones. A registry entry whose job is not here is reported as unavailable and skipped.
 */
public final class JobCatalog {
    private final Map<String, Supplier<Tool>> tools;

    public JobCatalog(Map<String, Supplier<Tool>> tools) {
        this.tools = new TreeMap<>(tools);
    }

    /** The jobs of the job jar ({@link PicuJobs#ALL}), i.e. what {@code hadoop jar} lists. */
    public static JobCatalog fromJobJar() {
        Map<String, Supplier<Tool>> tools = new TreeMap<>();
        PicuJobs.ALL.forEach(job -> tools.put(job.jobName(), job::newTool));
        return new JobCatalog(tools);
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
