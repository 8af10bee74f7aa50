package org.picu.jobs.clean.feargreed;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerReducer;

/** Keeps one reading per index time (see {@link CleanFearGreed#WINNER_FIRST}) and writes it as a Parquet row. */
public class CleanFearGreedReducer extends KeepWinnerReducer<CleanFearGreed> {
    @Override
    protected Comparator<CleanFearGreed> winnerFirst() {
        return CleanFearGreed.WINNER_FIRST;
    }
}
