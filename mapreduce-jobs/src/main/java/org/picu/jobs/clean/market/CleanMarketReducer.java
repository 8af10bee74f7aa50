package org.picu.jobs.clean.market;

import java.util.Comparator;
import org.picu.jobs.clean.KeepWinnerReducer;

/** Keeps one tick per dedup key (see {@link CleanMarketTick#WINNER_FIRST}) and writes it as a Parquet row. */
public class CleanMarketReducer extends KeepWinnerReducer<CleanMarketTick> {
    @Override
    protected Comparator<CleanMarketTick> winnerFirst() {
        return CleanMarketTick.WINNER_FIRST;
    }
}
