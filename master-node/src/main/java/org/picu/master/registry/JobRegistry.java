package org.picu.master.registry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.picu.jobs.DatasetJob;
import org.picu.jobs.PicuJobs;
import org.picu.model.layout.Dataset;

/**
 * The pipeline as data: dataset, the job that builds it, the datasets it needs. Adding a dataset is one
 * line in {@link PicuJobs#ALL}. Entries are kept in dependency order, so walking {@link #jobs()} never
 * runs a job before its upstream jobs.
 */
public final class JobRegistry {
    private final Map<Dataset, DatasetJob> byDataset;

    private JobRegistry(Map<Dataset, DatasetJob> byDataset) {
        this.byDataset = byDataset;
    }

    /** PICU's pipeline: the job jar's list ({@link PicuJobs#ALL}). */
    public static JobRegistry standard() {
        return of(PicuJobs.ALL);
    }

    /**
     * A registry of the given entries, sorted into dependency order.
     *
     * @throws IllegalArgumentException if a dataset appears twice, an upstream dataset has no entry, or the
     *     dependencies form a cycle
     */
    public static JobRegistry of(List<DatasetJob> entries) {
        Map<Dataset, DatasetJob> given = new EnumMap<>(Dataset.class);
        for (DatasetJob e : entries) {
            if (given.put(e.dataset(), e) != null) {
                throw new IllegalArgumentException("dataset " + e.dataset().dirName() + " is registered twice");
            }
        }
        Map<Dataset, DatasetJob> ordered = new LinkedHashMap<>();
        for (DatasetJob e : entries) {
            visit(e, given, ordered, new ArrayList<>());
        }
        return new JobRegistry(ordered);
    }

    private static void visit(DatasetJob e, Map<Dataset, DatasetJob> given, Map<Dataset, DatasetJob> ordered,
                              List<Dataset> path) {
        if (ordered.containsKey(e.dataset())) {
            return;
        }
        if (path.contains(e.dataset())) {
            throw new IllegalArgumentException("dataset dependencies form a cycle: " + path + " -> " + e.dataset());
        }
        path.add(e.dataset());
        for (Dataset up : e.upstream()) {
            DatasetJob upstream = given.get(up);
            if (upstream == null) {
                throw new IllegalArgumentException(e.dataset().dirName() + " needs " + up.dirName()
                        + ", which has no registry entry");
            }
            visit(upstream, given, ordered, path);
        }
        path.remove(e.dataset());
        ordered.put(e.dataset(), e);
    }

    /** Every entry, upstream before downstream. */
    public List<DatasetJob> jobs() {
        return List.copyOf(byDataset.values());
    }

    public Optional<DatasetJob> of(Dataset dataset) {
        return Optional.ofNullable(byDataset.get(dataset));
    }
}
