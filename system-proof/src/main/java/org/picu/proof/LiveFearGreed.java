package org.picu.proof;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.picu.model.FearGreedClassification;

/**
 * alternative.me's Fear &amp; Greed API, live and much faster than daily: every answer carries a reading with a
 * timestamp (epoch seconds, as the API sends them) later than any served before, so each is a new natural key of
 * {@code fear_greed_index}. Every fifth answer also carries a reading dated three days after the crawl: the spider
 * keeps it (it is well-formed), the cleaning job must reject it as {@code timestamp_in_future}.
 */
final class LiveFearGreed implements LiveSite.Source {
    private static final int MALFORMED_EVERY = 5;
    private static final long FUTURE_SECONDS = Duration.ofDays(3).toSeconds();

    private long lastSecond;
    private long lastFutureSecond;
    private long answers;

    @Override
    public String name() {
        return "fear_greed";
    }

    @Override
    public String prefix() {
        return "/fng/";
    }

    @Override
    public LiveSite.Answer answer(String path) {
        long now = System.currentTimeMillis() / 1000;
        lastSecond = Math.max(now, lastSecond + 1);
        int value = (int) (lastSecond % 101);
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", "Fear and Greed Index");
        ArrayNode data = root.putArray("data");
        List<LiveSite.Item> items = new ArrayList<>();
        entry(data, value, lastSecond).put("time_until_update", "3600"); // the API adds it to the newest reading
        items.add(new LiveSite.Item(NaturalKeys.fearGreed(lastSecond * 1000), true));
        if (++answers % MALFORMED_EVERY == 0) {
            lastFutureSecond = Math.max(now + FUTURE_SECONDS, lastFutureSecond + 1);
            entry(data, 50, lastFutureSecond);
            items.add(new LiveSite.Item(NaturalKeys.fearGreed(lastFutureSecond * 1000), false));
        }
        root.putObject("metadata").putNull("error");
        return new LiveSite.Answer(200, "application/json", LiveUpbit.json(root), true, items);
    }

    private static ObjectNode entry(ArrayNode data, int value, long epochSecond) {
        return data.addObject().put("value", Integer.toString(value))
                .put("value_classification", FearGreedClassification.of(value))
                .put("timestamp", Long.toString(epochSecond));
    }
}
