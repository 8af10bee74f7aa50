package org.picu.proof;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting as "poll until the condition holds or a generous timeout passes": the machine may be slow and loaded. */
final class Poll {
    private Poll() {
    }

    /** Polls every {@code every} until the condition holds; false when the timeout passed first. */
    static boolean until(Duration timeout, Duration every, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(every);
        }
    }

    /** Like {@link #until} but failing with a message that says what was awaited. */
    static void require(String what, Duration timeout, BooleanSupplier condition) {
        if (!until(timeout, Duration.ofMillis(250), condition)) {
            throw new ProofException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProofException("interrupted");
        }
    }
}
