package org.picu.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedLogTest {
    @Test
    void only_the_run_in_progress_at_a_kill_is_cut_and_only_for_the_killed_worker(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("served.log"), String.join("\n",
                "R\t1000\tw1\tupbit",
                "S\t1010\tw1\tupbit\tBTC@500\tok",
                "R\t2000\tw1\tcoinness",
                "S\t2010\tw1\tcoinness\tabc\tok",
                "S\t2011\tw1\tcoinness\tdef\tbad",
                "R\t2005\tw2\tupbit",
                "S\t2012\tw2\tupbit\tETH@601\tok",
                "R\t3000\tw1\tupbit",
                "S\t3010\tw1\tupbit\tBTC@700\tok",
                ""));
        ServedLog served = ServedLog.read(log);

        assertEquals(5, served.served().size());
        assertEquals(2, served.of(List.of("upbit")).stream().filter(s -> s.worker().equals("w1")).count());
        assertEquals(Set.of("abc", "def"), keys(served.cutByKills("w1", List.of(Instant.ofEpochMilli(2500)))));
        assertEquals(Set.of(), keys(served.cutByKills("w1", List.of())));
        assertEquals(Set.of("ETH@601"), keys(served.cutByKills("w2", List.of(Instant.ofEpochMilli(2500)))));
        // a run answered long before the kill had been synced: nothing of it is excused
        assertEquals(
                Set.of(),
                keys(served.cutByKills("w1", List.of(Instant.ofEpochMilli(3010 + ServedLog.SYNC_WINDOW_MS + 1)))));
    }

    @Test
    void natural_keys_are_the_ones_the_pipeline_promises() {
        // SHA-256 of the URL as it stands (already in normal form), and of source|title|content without one
        assertEquals(
                "334a9303a65725a466e8be7bac953a4fad3a358a682246e55e437ea6a1549fae",
                NaturalKeys.newsByUrl("http://127.0.0.1:8080/coinness/article/1"));
        assertEquals(NaturalKeys.newsWithoutUrl("saveticker", "t", "c"), NaturalKeys.newsByUrl("saveticker|t|c"));
        assertEquals(NaturalKeys.newsWithoutUrl("saveticker", "t", "c".repeat(500)),
                NaturalKeys.newsWithoutUrl("saveticker", "t", "c".repeat(600)));
        assertEquals("BTC@1700000000123", NaturalKeys.market("BTC", 1_700_000_000_123L));
    }

    private static Set<String> keys(Set<ServedLog.Served> served) {
        return served.stream().map(ServedLog.Served::key).collect(Collectors.toSet());
    }
}
