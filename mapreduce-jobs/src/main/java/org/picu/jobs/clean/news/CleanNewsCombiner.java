package org.picu.jobs.clean.news;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerCombiner;
import org.picu.jobs.clean.RecordWritable;

/** Map-side dedup of news items (see {@link CleanNews#WINNER_FIRST}). */
public class CleanNewsCombiner extends KeepWinnerCombiner<CleanNews> {
    @Override
    protected Comparator<CleanNews> winnerFirst() {
        return CleanNews.WINNER_FIRST;
    }

    @Override
    protected RecordWritable<CleanNews> newWritable() {
        return new CleanNewsWritable();
    }
}
