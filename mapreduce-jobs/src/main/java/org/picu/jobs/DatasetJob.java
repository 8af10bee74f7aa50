package org.picu.jobs;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.picu.model.layout.Dataset;

/**
 * One line of the job list ({@link PicuJobs#ALL}): the job (its {@code hadoop jar} name and {@link Tool} class)
 * that publishes a dataset, and what it reads. A dataset without upstream datasets reads raw files
 * ({@link #rawSources(Configuration)}). A derived job for day D reads its upstream partitions from
 * {@code D - daysBefore} to {@code D + daysAfter} (indicators need past candles, candles peek into the next
 * day), so a newer partition anywhere in that window makes D out of date.
 *
 * @param dataset the dataset the job publishes
 * @param jobName the job's name in the job jar
 * @param tool the job's class; it has a public no-argument constructor
 * @param description one line for the job jar's listing
 * @param sourcesKey for a job that reads raw files, the key listing its raw sources ({@code picu.<job>.sources});
 *     empty for a derived job
 * @param upstream datasets the job reads
 * @param needs whether the job runs only when all upstream partitions of D exist, or when any does
 * @param daysBefore days before D the job also reads
 * @param daysAfter days after D the job also reads
 */
public record DatasetJob(Dataset dataset, String jobName, Class<? extends Tool> tool, String description,
                         String sourcesKey, List<Dataset> upstream, Needs needs, int daysBefore, int daysAfter) {

    /** Which upstream partitions of the day must exist for a run. */
    public enum Needs { ALL, ANY }

    public DatasetJob {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(needs, "needs");
        Objects.requireNonNull(sourcesKey, "sourcesKey");
        upstream = List.copyOf(upstream);
        if (upstream.isEmpty() == sourcesKey.isEmpty()) {
            throw new IllegalArgumentException(
                    jobName + " must read either raw sources (a sources key) or upstream datasets");
        }
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException("input window of " + dataset.dirName() + " must not be negative");
        }
    }

    /** A job that reads the raw files of the sources named by {@code sourcesKey}, by default the dataset's. */
    public static DatasetJob fromRaw(Dataset dataset, String jobName, Class<? extends Tool> tool, String description,
                                     String sourcesKey) {
        return new DatasetJob(dataset, jobName, tool, description, sourcesKey, List.of(), Needs.ALL, 0, 0);
    }

    /** A job that reads other datasets of the days {@code D - daysBefore .. D + daysAfter}. */
    public static DatasetJob derived(Dataset dataset, String jobName, Class<? extends Tool> tool, String description,
                                     List<Dataset> upstream, Needs needs, int daysBefore, int daysAfter) {
        return new DatasetJob(dataset, jobName, tool, description, "", upstream, needs, daysBefore, daysAfter);
    }

    /** True when the dataset is built from raw files rather than from other datasets. */
    public boolean readsRaw() {
        return upstream.isEmpty();
    }

    /**
     * The raw sources the job reads: the job's own {@link #sourcesKey()} setting when the configuration
     * has one (an operator adds a declarative news source there, e.g. {@code picu.clean-news.sources}), else
     * the dataset's default sources ({@link Dataset#rawSources()}). Empty for a derived job.
     */
    public List<String> rawSources(Configuration conf) {
        if (!readsRaw()) {
            return List.of();
        }
        String[] configured = conf.getTrimmedStrings(sourcesKey());
        return configured.length > 0 ? List.of(configured) : dataset.rawSources();
    }

    /** A fresh instance of the job, to be run through {@code ToolRunner}. */
    public Tool newTool() {
        try {
            return tool.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(
                    "job " + jobName + " (" + tool.getName() + ") failed to construct", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "job class " + tool.getName() + " needs a public no-argument constructor", e);
        }
    }
}
