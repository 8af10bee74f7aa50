package org.picu.model.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which raw files a reader reads in each state a compaction can leave a directory in. */
class RawListingTest {
    private static final Instant AT = Instant.parse("2026-12-07T11:10:00Z");
    private static final String A = small(1, 3);
    private static final String B = small(7, 9);
    private static final String LATE = small(4, 6);
    private static final String V1 = "upbit.w1.h10.v1.jsonl";
    private static final String V2 = "upbit.w1.h10.v2.jsonl";
    private static final CompactionIndex ONE =
            CompactionIndex.EMPTY.plus(List.of(new CompactionIndex.Entry(V1, AT, List.of(A, B))));
    private static final CompactionIndex TWO =
            ONE.plus(List.of(new CompactionIndex.Entry(V2, AT, List.of(A, B, LATE))));

    private static String small(long first, long last) {
        return new RawFileName("upbit", "w1", first, last).toString();
    }

    @Test
    void without_an_index_every_small_file_is_read_and_nothing_else() {
        assertEquals(
                List.of(A, B),
                RawListing.readable(List.of(A, B, "." + A + ".uploading", "notes.txt"), CompactionIndex.EMPTY));
    }

    @Test
    void a_compacted_file_no_index_commits_is_ignored_and_its_small_files_are_read() {
        assertEquals(
                List.of(A, B), RawListing.readable(List.of(A, B, V1, "." + V1 + ".compacting"), CompactionIndex.EMPTY));
    }

    @Test
    void once_committed_the_compacted_file_is_read_instead_of_the_small_files_still_there() {
        assertEquals(List.of(V1), RawListing.readable(List.of(A, B, V1, ONE.fileName()), ONE));
        assertEquals(List.of(V1), RawListing.readable(List.of(B, V1), ONE), "half of the small files deleted");
    }

    @Test
    void a_small_file_shipped_again_after_compaction_is_not_read_again_but_a_late_one_is() {
        assertEquals(List.of(V1, LATE), RawListing.readable(List.of(V1, A, LATE), ONE));
    }

    @Test
    void the_newest_version_of_an_hour_replaces_the_older_one() {
        assertEquals(List.of(V2), RawListing.readable(List.of(V1, V2, LATE), TWO));
        assertEquals(List.of(V2), RawListing.readable(List.of(V2), TWO));
    }

    @Test
    void a_committed_compacted_file_that_is_missing_is_an_error_not_a_silent_loss() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> RawListing.readable(List.of(A), ONE));
        assertTrue(e.getMessage().contains(V1), e.getMessage());
    }

    @Test
    void a_run_that_read_every_small_file_of_a_compacted_file_has_read_it() {
        assertTrue(RawListing.alreadyRead(V1, Set.of(A, B), ONE));
        assertTrue(RawListing.alreadyRead(V2, Set.of(V1, LATE), TWO), "the older version and the late file");
        assertTrue(RawListing.alreadyRead(V2, Set.of(A, B, LATE), TWO));
        assertTrue(RawListing.alreadyRead(V2, Set.of(V2), TWO));
    }

    @Test
    void a_compacted_file_with_a_record_the_run_did_not_read_is_unread() {
        assertFalse(RawListing.alreadyRead(V2, Set.of(V1), TWO), "the late file was not read");
        assertFalse(RawListing.alreadyRead(V1, Set.of(A), ONE));
        assertFalse(RawListing.alreadyRead(LATE, Set.of(V1), TWO));
        assertFalse(RawListing.alreadyRead(V1, Set.of(A, B), CompactionIndex.EMPTY), "not committed: not known");
    }
}
