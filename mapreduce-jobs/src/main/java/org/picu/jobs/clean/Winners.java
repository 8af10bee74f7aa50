package org.picu.jobs.clean;

import java.util.Comparator;
import java.util.Iterator;

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
    public static <T> Result<T> pick(
            Iterable<? extends RecordWritable<T>> candidates, Comparator<? super T> winnerFirst) {
        Iterator<? extends RecordWritable<T>> it = candidates.iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("a reduce group always has at least one value");
        }
        return pick(it.next().get(), it, winnerFirst);
    }

    /** The winner among {@code first} and the records still to come from {@code rest}. */
    static <T> Result<T> pick(T first, Iterator<? extends RecordWritable<T>> rest, Comparator<? super T> winnerFirst) {
        T winner = first;
        long dropped = 0;
        while (rest.hasNext()) {
            T record = rest.next().get();
            dropped++;
            if (winnerFirst.compare(record, winner) < 0) {
                winner = record;
            }
        }
        return new Result<>(winner, dropped);
    }
}
