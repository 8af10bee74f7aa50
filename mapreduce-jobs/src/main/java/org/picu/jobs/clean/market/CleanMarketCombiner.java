package org.picu.jobs.clean.market;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerCombiner;

/**
 * Map-side dedup of ticks, so repeated crawls of an unchanged ticker are not shuffled (see {@link
 * CleanMarketTick#WINNER_FIRST}).
 */
public class CleanMarketCombiner extends KeepWinnerCombiner<CleanMarketTick> {
    @Override
    protected Comparator<CleanMarketTick> winnerFirst() {
        return CleanMarketTick.WINNER_FIRST;
    }
}
