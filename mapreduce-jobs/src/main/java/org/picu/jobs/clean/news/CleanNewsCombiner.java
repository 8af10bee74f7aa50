package org.picu.jobs.clean.news;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerCombiner;

/** Map-side dedup of news items (see {@link CleanNews#WINNER_FIRST}). */
public class CleanNewsCombiner extends KeepWinnerCombiner<CleanNews> {
    @Override
    protected Comparator<CleanNews> winnerFirst() {
        return CleanNews.WINNER_FIRST;
    }
}
