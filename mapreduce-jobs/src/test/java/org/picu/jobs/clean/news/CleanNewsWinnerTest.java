package org.picu.jobs.clean.news;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.picu.jobs.clean.io.ShuffledRows;
import org.picu.model.avro.DatasetSchemas;

/** The news winner order ({@link NewsRules#WINNER_FIRST}): newest crawl, shortest URL, lowest worker, lowest seq. */
class CleanNewsWinnerTest {

    private static GenericRecord item(long crawledAt, String url, String worker, long seq) {
        return item("id", "coinness", "title", url, "content of the item", null, List.of("BTC"), "en", crawledAt,
                worker, seq);
    }

    private static GenericRecord item(String id, String source, String title, String url, String content,
            Long publishedAt, List<String> keywords, String language, long crawledAt, String worker, long seq) {
        GenericRecord r = new GenericData.Record(DatasetSchemas.NEWS);
        r.put("id", id);
        r.put("source", source);
        r.put("title", title);
        r.put("url", url);
        r.put("content", content);
        r.put("published_at", publishedAt);
        r.put("keywords", keywords);
        r.put("language", language);
        r.put("crawled_at", crawledAt);
        r.put("worker_id", worker);
        r.put("seq", seq);
        return r;
    }

    /** The winner among the items as the reducer sees them, read back from their shuffle form. */
    private static GenericRecord pick(GenericRecord... items) {
        return Collections.min(Arrays.stream(items).map(ShuffledRows::through).toList(), NewsRules.WINNER_FIRST);
    }

    @Test
    void the_newest_crawl_wins_even_with_a_longer_url() {
        assertEquals(
                20L,
                pick(item(10, "https://x.com/a", "w1", 1), item(20, "https://x.com/a?utm_source=x", "w2", 1))
                        .get("crawled_at"));
    }

    @Test
    void on_equal_crawl_time_the_shortest_url_wins_before_the_worker_id() {
        assertEquals(
                "w2",
                pick(item(10, "https://x.com/a?utm_source=x", "w1", 1), item(10, "https://x.com/a", "w2", 1))
                        .get("worker_id").toString());
    }

    @Test
    void then_the_lowest_worker_then_the_lowest_sequence() {
        assertEquals(
                "w1",
                pick(item(10, "https://x.com/a", "w2", 1), item(10, "https://x.com/a", "w1", 9))
                        .get("worker_id")
                        .toString());
        assertEquals(3L, pick(item(10, "https://x.com/a", "w1", 9), item(10, "https://x.com/a", "w1", 3)).get("seq"));
    }

    @RepeatedTest(5)
    void the_winner_does_not_depend_on_arrival_order() {
        List<GenericRecord> items = new ArrayList<>(List.of(
                item(10, "https://x.com/a?b", "w1", 1),
                item(10, "https://x.com/a", "w3", 5),
                item(10, "https://x.com/a", "w3", 4),
                item(9, "https://x.com/", "w0", 1)));
        Collections.shuffle(items);
        GenericRecord winner = pick(items.toArray(GenericRecord[]::new));
        assertEquals("w3", winner.get("worker_id").toString());
        assertEquals(4L, winner.get("seq"));
    }

    @Test
    void the_shuffle_form_round_trips_including_absent_fields() throws Exception {
        for (GenericRecord n : List.of(item(10, "https://x.com/a", "w1", 1),
                item("id", "saveticker", "제목", null, null, 5L, List.of(), null, 1, "w2", 2))) {
            assertEquals(n, ShuffledRows.through(n));
        }
    }
}
