package org.picu.master.schedule;

import com.cronutils.model.time.ExecutionTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.picu.master.config.CronSchedules;
import org.picu.master.config.OrchestratorSettings;
import org.picu.model.layout.Dataset;

/** When each dataset's next cycle is due, from its cron expression, evaluated in UTC. */
public final class DatasetSchedules {
    private final Map<Dataset, ExecutionTime> times = new LinkedHashMap<>();

    public DatasetSchedules(OrchestratorSettings settings, Collection<Dataset> datasets) {
        for (Dataset d : datasets) {
            times.put(d, ExecutionTime.forCron(CronSchedules.parse(settings.scheduleOf(d))));
        }
    }

    /** The first fire time of the dataset strictly after {@code after}. */
    public Instant next(Dataset dataset, Instant after) {
        return times.get(dataset)
                .nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                .map(ZonedDateTime::toInstant)
                .orElseThrow(
                        () -> new IllegalStateException("schedule of " + dataset.dirName() + " never fires again"));
    }

    /** The earliest next fire time over all datasets, and the datasets due then. */
    public Due nextDue(Instant after) {
        Instant earliest = null;
        for (Dataset d : times.keySet()) {
            Instant n = next(d, after);
            if (earliest == null || n.isBefore(earliest)) {
                earliest = n;
            }
        }
        Instant at = earliest;
        List<Dataset> due = times.keySet().stream().filter(d -> next(d, after).equals(at)).toList();
        return new Due(at, due);
    }

    /**
     * @param at when they are due
     * @param datasets the datasets due at that time
     */
    public record Due(Instant at, List<Dataset> datasets) {
    }
}
