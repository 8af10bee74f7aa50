package org.picu.jobs.clean;

import java.util.Comparator;

/** Picks the one record to keep among records sharing a dedup key. */
public final class Winners {
    private Winners() {
    }

    /** The winner and how many candidates it beat. */
    public record Result<T>(T winner, long dropped) {
    }

    /**
     * The first record in {@code winnerFirst} order. The order must be total (end in a unique tie-break
     * such as worker id and sequence number), so that every run and every combiner grouping keeps the
     * same record.
     */
    public static <T> Result<T> pick(Iterable<? extends RecordWritable<T>> candidates, Comparator<? super T> winnerFirst) {
        T winner = null;
        long seen = 0;
        for (RecordWritable<T> candidate : candidates) {
            T record = candidate.get();
            seen++;
            if (winner == null || winnerFirst.compare(record, winner) < 0) {
                winner = record;
            }
        }
        if (winner == null) {
            throw new IllegalArgumentException("a reduce group always has at least one value");
        }
        return new Result<>(winner, seen - 1);
    }
}
