package org.picu.jobs.clean.feargreed;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerCombiner;

/** Map-side dedup of readings (see {@link CleanFearGreed#WINNER_FIRST}). */
public class CleanFearGreedCombiner extends KeepWinnerCombiner<CleanFearGreed> {
    @Override
    protected Comparator<CleanFearGreed> winnerFirst() {
        return CleanFearGreed.WINNER_FIRST;
    }
}
