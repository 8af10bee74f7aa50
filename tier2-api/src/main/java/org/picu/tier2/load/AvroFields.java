package org.picu.tier2.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads the fields of a cleaned-dataset record as the values a column takes. A record that breaks its schema's
 * promises (a required field missing, a required number not finite) is refused with the field named: the
 * partition then fails as a whole instead of loading a wrong row.
 */
final class AvroFields {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AvroFields() {
    }

    static String text(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is null but required");
        }
        return value.toString(); // Avro hands out Utf8, not String
    }

    static String optionalText(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : value.toString();
    }

    static double finite(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is null but required");
        }
        double number = ((Number) value).doubleValue();
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException(
                    "field " + field + " is " + number + "; MariaDB stores only finite numbers");
        }
        return number;
    }

    /** An optional number; NaN and infinities become null, since MariaDB has neither and they mean "unknown" here. */
    static Double optionalFinite(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            return null;
        }
        double number = ((Number) value).doubleValue();
        return Double.isFinite(number) ? number : null;
    }

    static int integer(GenericRecord record, String field) {
        Object value = record.get(field);
        if (value == null) {
            throw new IllegalArgumentException("field " + field + " is null but required");
        }
        return ((Number) value).intValue();
    }

    /** A timestamp-millis field as the UTC wall-clock time a DATETIME column holds. */
    static LocalDateTime utc(GenericRecord record, String field) {
        LocalDateTime time = optionalUtc(record, field);
        if (time == null) {
            throw new IllegalArgumentException("field " + field + " is null but required");
        }
        return time;
    }

    static LocalDateTime optionalUtc(GenericRecord record, String field) {
        Object value = record.get(field);
        return value == null ? null : LocalDateTime.ofInstant(Instant.ofEpochMilli((Long) value), ZoneOffset.UTC);
    }

    /** An array-of-strings field as a JSON array text for a JSON column; an absent array is an empty one. */
    static String jsonStrings(GenericRecord record, String field) {
        Object value = record.get(field);
        List<String> strings = new ArrayList<>();
        if (value != null) {
            for (Object item : (Collection<?>) value) {
                strings.add(String.valueOf(item));
            }
        }
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }
}
