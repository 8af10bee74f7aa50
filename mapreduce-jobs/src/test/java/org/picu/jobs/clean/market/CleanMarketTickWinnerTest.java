package org.picu.jobs.clean.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.picu.jobs.clean.io.ShuffledRows;
import org.picu.model.avro.DatasetSchemas;

/** The market winner order ({@link MarketTickRules#WINNER_FIRST}), on rows read back from their shuffle form. */
class CleanMarketTickWinnerTest {

    private static GenericRecord tick(long crawledAt, String worker, long seq, double volume) {
        GenericRecord r = new GenericData.Record(DatasetSchemas.MARKET_TICK);
        r.put("source", "upbit");
        r.put("symbol", "BTC");
        r.put("quote_currency", "KRW");
        r.put("price", 100.0);
        r.put("prev_closing_price", 99.0);
        r.put("change_24h", 1.01);
        r.put("volume_24h", volume);
        r.put("day_volume", 2.5);
        r.put("timestamp", 1000L);
        r.put("crawled_at", crawledAt);
        r.put("worker_id", worker);
        r.put("seq", seq);
        return r;
    }

    private static GenericRecord pick(GenericRecord... ticks) {
        return Collections.min(
                Arrays.stream(ticks).map(ShuffledRows::through).toList(), MarketTickRules.WINNER_FIRST);
    }

    @Test
    void the_newest_crawl_wins() {
        assertEquals(3.0, pick(tick(10, "w1", 1, 1.0), tick(30, "w2", 9, 3.0), tick(20, "w1", 2, 2.0))
                .get("volume_24h"));
    }

    @Test
    void ties_on_crawl_time_go_to_the_lowest_worker_id_then_the_lowest_sequence() {
        assertEquals("w1", pick(tick(30, "w2", 1, 0), tick(30, "w1", 5, 0)).get("worker_id").toString());
        assertEquals(4L, pick(tick(30, "w1", 5, 0), tick(30, "w1", 4, 0)).get("seq"));
    }

    @RepeatedTest(5)
    void the_winner_does_not_depend_on_arrival_order() {
        List<GenericRecord> ticks = new ArrayList<>(List.of(tick(30, "w2", 1, 0), tick(30, "w1", 5, 0),
                tick(30, "w1", 4, 0), tick(29, "w0", 1, 0)));
        Collections.shuffle(ticks);
        GenericRecord winner = pick(ticks.toArray(GenericRecord[]::new));
        assertEquals("w1", winner.get("worker_id").toString());
        assertEquals(4L, winner.get("seq"));
    }
}
