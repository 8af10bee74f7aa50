package org.picu.worker.spool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;

class SpoolWriterTest {
    private static final Instant T = Instant.parse("2026-11-21T03:04:05.123Z");
    private static final long BIG = 16L * 1024 * 1024;

    @TempDir
    Path spool;

    private final MutableClock clock = new MutableClock(T);
    private final EnvelopeCodec codec = new EnvelopeCodec();

    @Test
    void records_go_to_a_tmp_file_that_is_renamed_with_its_sequence_range_on_close() throws Exception {
        Path day = spool.resolve("20261121");
        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            writer.append(RecordKind.MARKET_TICK, T, "https://api.upbit.com/v1/ticker?markets=KRW-BTC", payload("BTC"));
            writer.append(RecordKind.MARKET_TICK, T, "https://api.upbit.com/v1/ticker?markets=KRW-BTC", payload("ETH"));

            assertEquals(List.of("upbit.w1.000000000000.jsonl.tmp"), names(day));
        }

        assertEquals(List.of("upbit.w1.000000000000-000000000001.jsonl"), names(day));
        List<RecordEnvelope> records = read(day.resolve("upbit.w1.000000000000-000000000001.jsonl"));
        assertEquals(List.of(0L, 1L), records.stream().map(RecordEnvelope::seq).toList());
        assertEquals("upbit", records.get(0).source());
        assertEquals("w1", records.get(0).workerId());
        assertEquals(T, records.get(0).crawledAt());
        assertEquals("ETH", records.get(1).payload().get("symbol").asText());
    }

    @Test
    void closing_without_records_leaves_no_file() throws Exception {
        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            assertEquals(0, writer.nextSeq());
        }

        assertFalse(Files.exists(spool.resolve("20261121")));
    }

    @Test
    void rolls_when_a_file_reaches_the_size_limit() throws Exception {
        long lineBytes = lineBytes();
        try (SpoolWriter writer = open("upbit", 2 * lineBytes, Duration.ofHours(1))) {
            for (int i = 0; i < 5; i++) {
                writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC"));
            }
            assertEquals(2, writer.rolledFiles().size(), "two full files rolled while writing");
        }

        assertEquals(List.of("upbit.w1.000000000000-000000000001.jsonl", "upbit.w1.000000000002-000000000003.jsonl",
                "upbit.w1.000000000004-000000000004.jsonl"), names(spool.resolve("20261121")));
    }

    @Test
    void rolls_when_a_file_reaches_the_age_limit() throws Exception {
        try (SpoolWriter writer = open("upbit", BIG, Duration.ofMinutes(60))) {
            writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC"));
            clock.advance(Duration.ofMinutes(59));
            writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC"));
            clock.advance(Duration.ofMinutes(1));
            writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC"));
        }

        assertEquals(List.of("upbit.w1.000000000000-000000000001.jsonl", "upbit.w1.000000000002-000000000002.jsonl"),
                names(spool.resolve("20261121")));
    }

    @Test
    void rolls_when_the_records_utc_day_changes() throws Exception {
        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            writer.append(RecordKind.MARKET_TICK, Instant.parse("2026-11-21T23:59:59.900Z"), "u", payload("BTC"));
            writer.append(RecordKind.MARKET_TICK, Instant.parse("2026-11-22T00:00:00.100Z"), "u", payload("BTC"));
        }

        assertEquals(List.of("upbit.w1.000000000000-000000000000.jsonl"), names(spool.resolve("20261121")));
        assertEquals(List.of("upbit.w1.000000000001-000000000001.jsonl"), names(spool.resolve("20261122")));
    }

    @Test
    void sequence_numbers_continue_across_restarts() throws Exception {
        writeRecords("upbit", 3);
        writeRecords("upbit", 2);

        assertEquals(List.of("upbit.w1.000000000000-000000000002.jsonl", "upbit.w1.000000000003-000000000004.jsonl"),
                names(spool.resolve("20261121")));
        assertEquals("5", Files.readString(spool.resolve(".next-seq.w1")).trim());
    }

    @Test
    void sequence_numbers_are_shared_by_all_sources_of_the_worker() throws Exception {
        writeRecords("upbit", 2);
        writeRecords("fear_greed", 1);

        assertEquals(
                List.of("fear_greed.w1.000000000002-000000000002.jsonl", "upbit.w1.000000000000-000000000001.jsonl"),
                names(spool.resolve("20261121")));
    }

    @Test
    void the_high_water_mark_keeps_numbers_monotonic_after_cleanup_deleted_old_files() throws Exception {
        writeRecords("upbit", 3);
        try (Stream<Path> files = Files.list(spool.resolve("20261121"))) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        writeRecords("upbit", 1);

        assertEquals(List.of("upbit.w1.000000000003-000000000003.jsonl"), names(spool.resolve("20261121")));
    }

    @Test
    void file_names_restore_the_sequence_when_the_high_water_mark_is_lost() throws Exception {
        writeRecords("upbit", 3);
        Path day = spool.resolve("20261121");
        Files.move(day.resolve("upbit.w1.000000000000-000000000002.jsonl"),
                day.resolve("upbit.w1.000000000000-000000000002.jsonl.uploaded"));
        Files.delete(spool.resolve(".next-seq.w1"));

        writeRecords("upbit", 1);

        assertTrue(names(day).contains("upbit.w1.000000000003-000000000003.jsonl"), names(day).toString());
    }

    @Test
    void a_torn_tmp_file_from_a_crash_is_cut_after_its_last_complete_line_and_renamed() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261121"));
        Path tmp = day.resolve("upbit.w1.000000000005.jsonl.tmp");
        String complete = line(5) + line(6);
        String torn = line(7).substring(0, 40);
        Files.writeString(tmp, complete + torn);

        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            assertEquals(7, writer.nextSeq(), "the torn record's number is free again: it was never stored");
        }

        assertEquals(List.of("upbit.w1.000000000005-000000000006.jsonl"), names(day));
        assertEquals(complete, Files.readString(day.resolve("upbit.w1.000000000005-000000000006.jsonl")));
    }

    /**
     * Regression: the daemon numbers the records of all its sources in one sequence, so after a crash of a worker
     * crawling several sources each source's {@code .tmp} file skips the numbers of the others. Recovery took that
     * for a contradiction and set both files aside as {@code .corrupt}: their synced records were never shipped.
     */
    @Test
    void tmp_files_of_sources_sharing_the_numbering_are_recovered_with_their_real_ranges() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261121"));
        Files.writeString(day.resolve("upbit.w1.000000000005.jsonl.tmp"), line(5) + line(7) + line(9));
        Files.writeString(
                day.resolve("fear_greed.w1.000000000006.jsonl.tmp"), line(6) + line(8) + line(10).substring(0, 30));

        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            assertEquals(10, writer.nextSeq(), "the torn record's number is free again");
        }

        assertEquals(
                List.of("fear_greed.w1.000000000006-000000000008.jsonl", "upbit.w1.000000000005-000000000009.jsonl"),
                names(day));
        assertEquals(line(6) + line(8), Files.readString(day.resolve("fear_greed.w1.000000000006-000000000008.jsonl")));
    }

    @Test
    void a_tmp_file_of_another_source_is_recovered_too() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261121"));
        Files.writeString(day.resolve("fear_greed.w1.000000000000.jsonl.tmp"), line(0));

        writeRecords("upbit", 1);

        assertEquals(
                List.of("fear_greed.w1.000000000000-000000000000.jsonl", "upbit.w1.000000000001-000000000001.jsonl"),
                names(day));
    }

    @Test
    void a_tmp_file_without_a_complete_line_is_deleted() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261121"));
        Files.writeString(day.resolve("upbit.w1.000000000000.jsonl.tmp"), "{\"schema_version\":1,\"sou");

        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            assertEquals(0, writer.nextSeq());
        }

        assertEquals(List.of(), names(day));
    }

    @Test
    void a_tmp_file_that_contradicts_its_name_is_set_aside_and_its_numbers_stay_used() throws Exception {
        Path day = Files.createDirectories(spool.resolve("20261121"));
        Files.writeString(day.resolve("upbit.w1.000000000000.jsonl.tmp"), line(9));

        try (SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1))) {
            assertEquals(10, writer.nextSeq());
        }

        assertEquals(List.of("upbit.w1.000000000000.jsonl.tmp.corrupt"), names(day));
        assertTrue(new SpoolDirectory(spool).pendingFiles().isEmpty(), "a corrupt file is never uploaded");
        writeRecords("upbit", 1);
        assertTrue(names(day).contains("upbit.w1.000000000010-000000000010.jsonl"), names(day).toString());
    }

    @Test
    void a_second_writer_in_the_same_process_is_refused_while_the_first_is_open() throws Exception {
        try (SpoolWriter first = open("upbit", BIG, Duration.ofHours(1))) {
            IOException e = assertThrows(IOException.class, () -> open("fear_greed", BIG, Duration.ofHours(1)));
            assertTrue(e.getMessage().contains("already open in this process"), e.getMessage());
        }
    }

    @Test
    void a_closed_writer_refuses_records() throws Exception {
        SpoolWriter writer = open("upbit", BIG, Duration.ofHours(1));
        writer.close();

        assertThrows(IllegalStateException.class, () -> writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC")));
    }

    private SpoolWriter open(String source, long rollBytes, Duration rollAge) throws IOException {
        return SpoolWriter.open(spool, source, "w1", rollBytes, rollAge, clock);
    }

    private void writeRecords(String source, int count) throws IOException {
        try (SpoolWriter writer = open(source, BIG, Duration.ofHours(1))) {
            for (int i = 0; i < count; i++) {
                writer.append(RecordKind.MARKET_TICK, T, "u", payload("BTC"));
            }
        }
    }

    private long lineBytes() {
        return line(0).getBytes(StandardCharsets.UTF_8).length;
    }

    private String line(long seq) {
        return codec.toJsonLine(new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, T, "w1", seq, "u",
                payload("BTC"))) + "\n";
    }

    private static ObjectNode payload(String symbol) {
        ObjectNode payload = EnvelopeCodec.newPayload();
        payload.put("symbol", symbol);
        return payload;
    }

    private List<RecordEnvelope> read(Path file) throws Exception {
        List<RecordEnvelope> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(codec.parse(line));
        }
        return records;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
