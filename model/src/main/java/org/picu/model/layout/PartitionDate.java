package org.picu.model.layout;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/** A UTC calendar day as used in every directory name, written {@code YYYYMMDD}. */
public record PartitionDate(LocalDate day) implements Comparable<PartitionDate> {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    public PartitionDate {
        Objects.requireNonNull(day, "day");
    }

    /**
     * Parses {@code YYYYMMDD}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static PartitionDate parse(String text) {
        if (text == null || text.length() != 8) {
            throw new IllegalArgumentException("date '" + text + "' must be written YYYYMMDD, e.g. 20261122");
        }
        try {
            return new PartitionDate(LocalDate.parse(text, BASIC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "date '" + text + "' must be a real day written YYYYMMDD, e.g. 20261122");
        }
    }

    /** The UTC day an instant falls on. */
    public static PartitionDate of(Instant instant) {
        return new PartitionDate(instant.atZone(ZoneOffset.UTC).toLocalDate());
    }

    /** First instant of the day (inclusive). */
    public Instant start() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** First instant of the next day (exclusive end). */
    public Instant end() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public int compareTo(PartitionDate other) {
        return day.compareTo(other.day);
    }

    @Override
    public String toString() {
        return day.format(BASIC);
    }
}
