package org.picu.demo.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServedLogTest {
    @Test
    void onlyTheRunInProgressAtAKillIsCutAndOnlyForTheKilledWorker(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("served.log"), String.join("\n",
                "R\t1000\tw1",
                "T\t1010\tw1\tBTC\t500\tok",
                "R\t2000\tw1",
                "T\t2010\tw1\tBTC\t600\tok",
                "T\t2011\tw1\tBAD-1\t600\tbad",
                "R\t2005\tw2",
                "T\t2012\tw2\tETH\t601\tok",
                "R\t3000\tw1",
                "T\t3010\tw1\tBTC\t700\tok",
                ""));
        ServedLog served = ServedLog.read(log);

        assertEquals(5, served.tickers().size());
        assertEquals(Set.of("BTC\t600", "BAD-1\t600"), served.cutByKills("w1", List.of(Instant.ofEpochMilli(2500))));
        assertEquals(Set.of(), served.cutByKills("w1", List.of()));
        assertEquals(Set.of("ETH\t601"), served.cutByKills("w2", List.of(Instant.ofEpochMilli(2500))));
        // a run answered long before the kill had been synced: nothing of it is excused
        assertEquals(Set.of(), served.cutByKills("w1", List.of(Instant.ofEpochMilli(3010 + ServedLog.SYNC_WINDOW_MS + 1))));
    }
}
