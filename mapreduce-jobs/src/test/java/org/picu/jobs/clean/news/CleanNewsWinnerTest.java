package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.hadoop.io.DataInputBuffer;
import org.apache.hadoop.io.DataOutputBuffer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.Winners;

/** The news winner order ({@link CleanNews#WINNER_FIRST}): newest crawl, shortest URL, lowest worker, lowest seq. */
class CleanNewsWinnerTest {

    private static CleanNews item(long crawledAt, String url, String worker, long seq) {
        return new CleanNews("id", "coinness", "title", url, "content of the item", null, List.of("BTC"), "en",
                crawledAt, worker, seq);
    }

    private static CleanNews pick(CleanNews... items) {
        List<CleanNewsWritable> values = Arrays.stream(items)
                .map(i -> (CleanNewsWritable) new CleanNewsWritable().set(i))
                .toList();
        return Winners.pick(values, CleanNews.WINNER_FIRST).winner();
    }

    @Test
    void the_newest_crawl_wins_even_with_a_longer_url() {
        assertEquals(
                20,
                pick(item(10, "https://x.com/a", "w1", 1), item(20, "https://x.com/a?utm_source=x", "w2", 1))
                        .crawledAt());
    }

    @Test
    void on_equal_crawl_time_the_shortest_url_wins_before_the_worker_id() {
        assertEquals(
                "w2",
                pick(item(10, "https://x.com/a?utm_source=x", "w1", 1), item(10, "https://x.com/a", "w2", 1))
                        .workerId());
    }

    @Test
    void then_the_lowest_worker_then_the_lowest_sequence() {
        assertEquals("w1", pick(item(10, "https://x.com/a", "w2", 1), item(10, "https://x.com/a", "w1", 9)).workerId());
        assertEquals(3, pick(item(10, "https://x.com/a", "w1", 9), item(10, "https://x.com/a", "w1", 3)).seq());
    }

    @RepeatedTest(5)
    void the_winner_does_not_depend_on_arrival_order() {
        List<CleanNews> items = new ArrayList<>(List.of(
                item(10, "https://x.com/a?b", "w1", 1),
                item(10, "https://x.com/a", "w3", 5),
                item(10, "https://x.com/a", "w3", 4),
                item(9, "https://x.com/", "w0", 1)));
        Collections.shuffle(items);
        CleanNews winner = pick(items.toArray(CleanNews[]::new));
        assertEquals("w3", winner.workerId());
        assertEquals(4, winner.seq());
    }

    @Test
    void the_shuffle_form_round_trips_including_absent_fields() throws Exception {
        for (CleanNews n : List.of(item(10, "https://x.com/a", "w1", 1),
                new CleanNews("id", "saveticker", "제목", null, null, 5L, List.of(), null, 1, "w2", 2))) {
            DataOutputBuffer out = new DataOutputBuffer();
            new CleanNewsWritable().set(n).write(out);
            DataInputBuffer in = new DataInputBuffer();
            in.reset(out.getData(), out.getLength());
            CleanNewsWritable read = new CleanNewsWritable();
            read.readFields(in);
            assertEquals(n, read.get());
        }
    }
}
