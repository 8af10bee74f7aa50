package org.picu.master.registry;

import java.util.List;
import java.util.Objects;
import org.apache.hadoop.conf.Configuration;
import org.picu.model.layout.Dataset;

/**
 * One line of the registry: the job (its {@code hadoop jar} name) that publishes a dataset, and what it
 * reads. A dataset without upstream datasets reads raw files ({@link #rawSources(Configuration)}). A derived job
 * for day D reads its upstream partitions from {@code D - daysBefore} to {@code D + daysAfter} (indicators
 * need past candles, candles peek into the next day), so a newer partition anywhere in that window makes
 * D out of date.
 *
 * @param dataset the dataset the job publishes
 * @param jobName the job's name in the job jar
 * @param upstream datasets the job reads
 * @param needs whether the job runs only when all upstream partitions of D exist, or when any does
 * @param daysBefore days before D the job also reads
 * @param daysAfter days after D the job also reads
 */
public record DatasetJob(Dataset dataset, String jobName, List<Dataset> upstream, Needs needs, int daysBefore,
                         int daysAfter) {

    /** Which upstream partitions of the day must exist for a run. */
    public enum Needs { ALL, ANY }

    public DatasetJob {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(needs, "needs");
        upstream = List.copyOf(upstream);
        if (daysBefore < 0 || daysAfter < 0) {
            throw new IllegalArgumentException("input window of " + dataset.dirName() + " must not be negative");
        }
    }

    /** A job that reads its upstream datasets (all required) of the same day only, or raw files when there are none. */
    public DatasetJob(Dataset dataset, String jobName, List<Dataset> upstream) {
        this(dataset, jobName, upstream, Needs.ALL, 0, 0);
    }

    /** True when the dataset is built from raw files rather than from other datasets. */
    public boolean readsRaw() {
        return upstream.isEmpty();
    }

    /**
     * The raw sources the job reads, so the orchestrator watches exactly those: the job's own
     * {@code picu.<job>.sources} setting when the configuration the jobs are submitted with has one (an operator
     * adds a declarative news source there, e.g. {@code picu.clean-news.sources}), else the dataset's default
     * sources, which are the jobs' defaults too. Empty for a derived job.
     */
    public List<String> rawSources(Configuration conf) {
        if (!readsRaw()) {
            return List.of();
        }
        String[] configured = conf.getTrimmedStrings("picu." + jobName + ".sources");
        return configured.length > 0 ? List.of(configured) : dataset.rawSources();
    }
}
