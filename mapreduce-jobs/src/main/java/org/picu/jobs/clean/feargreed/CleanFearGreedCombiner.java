package org.picu.jobs.clean.feargreed;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerCombiner;
import org.picu.jobs.clean.RecordWritable;

/** Map-side dedup of readings (see {@link CleanFearGreed#WINNER_FIRST}). */
public class CleanFearGreedCombiner extends KeepWinnerCombiner<CleanFearGreed> {
    @Override
    protected Comparator<CleanFearGreed> winnerFirst() {
        return CleanFearGreed.WINNER_FIRST;
    }

    @Override
    protected RecordWritable<CleanFearGreed> newWritable() {
        return new CleanFearGreedWritable();
    }
}
