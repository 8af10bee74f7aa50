package org.picu.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The fast path of {@link IsoTimes} against the JDK parsers it stands in for: same instant, same failures. */
class IsoTimesTest {
    private static final List<String> SHAPES = List.of(
            "2026-11-21T03:00:05Z", "2026-11-21T03:00:05.5Z", "2026-11-21T03:00:05.123456789Z",
            "2026-11-21T03:00:05.1234567891Z", "2026-11-21T03:00:05.Z", "2026-11-21T12:00:05+09:00",
            "2026-11-21T12:00:05.120-05:30", "2026-11-21T12:00:05-00:00", "2026-11-21T12:00:05+18:00",
            "2026-11-21T12:00:05+19:00", "2026-11-21T12:00:05+09:00:30", "2026-11-21T12:00:05+0900",
            "2026-11-21t03:00:05z", "2026-11-21T03:00Z", "2026-11-21T24:00:00Z", "2026-11-21T23:60:00Z",
            "2026-11-21T23:59:60Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
            "2026-00-10T00:00:00Z", "0000-01-01T00:00:00Z", "+2026-11-21T03:00:05Z", "2026-11-21 03:00:05Z",
            "2026-11-21T03:00:05", "2026-11-21T03:00:05ZZ", "2026-1-21T03:00:05Z", "2026-11-21T03:00:05+09",
            "2026-11-21T03:00:0xZ", "");

    private static final DateTimeFormatter SPIDER_SHAPE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]XXX");

    @Test
    void every_shape_parses_as_the_jdk_parses_it() {
        for (String s : SHAPES) {
            assertSame(s, Instant::parse, IsoTimes::instant);
            assertSame(s, t -> OffsetDateTime.parse(t).toInstant(), IsoTimes::offsetDateTime);
        }
    }

    @Test
    void random_valid_times_agree_and_take_the_fast_path() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(
                    r.nextLong(-2_000_000_000L, 60_000_000_000L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000));
            int offsetMinutes = r.nextInt(-17 * 60, 17 * 60 + 1);
            String s = SPIDER_SHAPE.format(t.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60)));
            assertNotNull(IsoTimes.strict(s), s);
            assertSame(s, Instant::parse, IsoTimes::instant);
            assertSame(s, x -> OffsetDateTime.parse(x).toInstant(), IsoTimes::offsetDateTime);
        }
    }

    @Test
    void shapes_outside_the_fast_path_are_left_to_the_jdk() {
        for (String s : List.of(
                "2026-11-21t03:00:05z", "2026-11-21T24:00:00Z", "2026-11-21T03:00Z", "2026-11-21T12:00:05+09:00:30")) {
            assertNull(IsoTimes.strict(s), s);
        }
    }

    private static void assertSame(String s, Function<String, Instant> jdk, Function<String, Instant> fast) {
        Instant expected;
        try {
            expected = jdk.apply(s);
        } catch (DateTimeParseException e) {
            try {
                Instant got = fast.apply(s);
                throw new AssertionError("'" + s + "' parsed as " + got + " but the JDK rejects it");
            } catch (DateTimeParseException expectedFailure) {
                assertEquals(e.getMessage(), expectedFailure.getMessage(), s);
                return;
            }
        }
        assertEquals(expected, fast.apply(s), s);
    }
}
