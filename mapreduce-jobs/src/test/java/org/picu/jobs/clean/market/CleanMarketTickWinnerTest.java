package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.Winners;

/** The market winner order ({@link CleanMarketTick#WINNER_FIRST}) through {@link Winners#pick}. */
class CleanMarketTickWinnerTest {

    private static CleanMarketTick tick(long crawledAt, String worker, long seq, double volume) {
        return new CleanMarketTick(
                "upbit", "BTC", "KRW", 100, 99.0, 1.01, volume, null, 2.5, 1000, crawledAt, worker, seq);
    }

    private static Winners.Result<CleanMarketTick> pick(CleanMarketTick... ticks) {
        List<CleanMarketTickWritable> values = Arrays.stream(ticks)
                .map(t -> (CleanMarketTickWritable) new CleanMarketTickWritable().set(t)).toList();
        return Winners.pick(values, CleanMarketTick.WINNER_FIRST);
    }

    @Test
    void the_newest_crawl_wins() {
        var result = pick(tick(10, "w1", 1, 1.0), tick(30, "w2", 9, 3.0), tick(20, "w1", 2, 2.0));
        assertEquals(3.0, result.winner().volume24h());
        assertEquals(2, result.dropped());
    }

    @Test
    void ties_on_crawl_time_go_to_the_lowest_worker_id_then_the_lowest_sequence() {
        assertEquals("w1", pick(tick(30, "w2", 1, 0), tick(30, "w1", 5, 0)).winner().workerId());
        assertEquals(4, pick(tick(30, "w1", 5, 0), tick(30, "w1", 4, 0)).winner().seq());
    }

    @RepeatedTest(5)
    void the_winner_does_not_depend_on_arrival_order() {
        List<CleanMarketTick> ticks = new ArrayList<>(List.of(tick(30, "w2", 1, 0), tick(30, "w1", 5, 0),
                tick(30, "w1", 4, 0), tick(29, "w0", 1, 0)));
        Collections.shuffle(ticks);
        CleanMarketTick winner = pick(ticks.toArray(CleanMarketTick[]::new)).winner();
        assertEquals("w1", winner.workerId());
        assertEquals(4, winner.seq());
    }
}
