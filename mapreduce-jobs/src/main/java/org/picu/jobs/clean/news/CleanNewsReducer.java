package org.picu.jobs.clean.news;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerReducer;

/** Keeps one item per content signature (see {@link CleanNews#WINNER_FIRST}) and writes it as a Parquet row. */
public class CleanNewsReducer extends KeepWinnerReducer<CleanNews> {
    @Override
    protected Comparator<CleanNews> winnerFirst() {
        return CleanNews.WINNER_FIRST;
    }
}
