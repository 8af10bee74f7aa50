package org.picu.tier2.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IntervalLoaderTest {
    @Test
    void keeps_loading_after_a_busy_round_and_a_failed_round_and_never_overlaps_rounds() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch fourRounds = new CountDownLatch(4);
        IntervalLoader.LoadRound round = () -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
                switch (rounds.incrementAndGet()) {
                    case 1 -> throw new LoaderBusyException("a cron load is running");
                    case 2 -> throw new IOException("namenode unreachable");
                    case 3 -> throw new IllegalStateException("unexpected");
                    default -> {
                        return new LoadReport(List.of());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new LoadReport(List.of());
            } finally {
                running.decrementAndGet();
                fourRounds.countDown();
            }
        };

        try (IntervalLoader loader = IntervalLoader.start(round, Duration.ofMillis(10))) {
            assertTrue(fourRounds.await(10, TimeUnit.SECONDS), "rounds went on after failures: " + rounds.get());
        }
        int afterClose = rounds.get();
        Thread.sleep(100);
        assertEquals(afterClose, rounds.get(), "no round after close");
        assertEquals(1, maxRunning.get(), "rounds never overlap");
    }
}
