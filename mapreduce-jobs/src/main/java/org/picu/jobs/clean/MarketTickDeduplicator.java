package org.picu.jobs.clean;

import java.io.IOException;
import org.apache.hadoop.io.Text;

/** Picks the one tick to keep from all ticks sharing a dedup key (see {@link CleanMarketTick#WINNER_FIRST}). */
final class MarketTickDeduplicator {

    /** The winner and how many candidates it beat. */
    record Result(CleanMarketTick winner, long dropped) {
    }

    Result pick(Iterable<Text> candidates) throws IOException {
        CleanMarketTick winner = null;
        long seen = 0;
        for (Text candidate : candidates) {
            CleanMarketTick tick = CleanMarketTick.fromJson(candidate.toString());
            seen++;
            if (winner == null || CleanMarketTick.WINNER_FIRST.compare(tick, winner) < 0) {
                winner = tick;
            }
        }
        if (winner == null) {
            throw new IllegalArgumentException("a reduce group always has at least one value");
        }
        return new Result(winner, seen - 1);
    }
}
