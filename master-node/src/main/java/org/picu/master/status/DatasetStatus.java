package org.picu.master.status;

import java.util.Optional;
import org.picu.master.ledger.RunRecord;
import org.picu.model.layout.PartitionDate;

/**
 * One dataset's line in {@code status}.
 *
 * @param dataset dataset directory name
 * @param job the job that builds it
 * @param available whether the installed job jar has the job
 * @param lastPublished newest published day
 * @param newestInput newest day with input (raw files, or the upstream's newest published day)
 * @param lagDays days the published data is behind its input; 0 when it is current, {@link #NEVER_PUBLISHED}
 *     when there is input but nothing published
 * @param recentFailures failed runs among the recent ledger records
 * @param lastFailure the newest failed run, if any
 */
public record DatasetStatus(String dataset, String job, boolean available, Optional<PartitionDate> lastPublished,
                            Optional<PartitionDate> newestInput, long lagDays, int recentFailures,
                            Optional<RunRecord> lastFailure) {
    public static final long NEVER_PUBLISHED = -1;
}
