package org.picu.jobs.clean.io;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** Small helpers for rules that read and build Avro rows by field name. */
public final class Rows {
    private Rows() {
    }

    /** A string field's value as a {@code String} (a row read back from bytes holds Avro's {@code Utf8}). */
    public static String string(GenericRecord row, String field) {
        Object v = row.get(field);
        return v == null ? null : v.toString();
    }

    public static long longValue(GenericRecord row, String field) {
        return ((Number) row.get(field)).longValue();
    }

    /**
     * {@code schema} followed by {@code extra} fields: the row schema of rules whose winner order reads something
     * the dataset does not publish.
     */
    public static Schema withExtraFields(Schema schema, Schema.Field... extra) {
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : schema.getFields()) {
            fields.add(new Schema.Field(f, f.schema()));
        }
        fields.addAll(List.of(extra));
        return Schema.createRecord(schema.getName() + "_row", schema.getDoc(), schema.getNamespace(), false, fields);
    }

    /** A record schema with only the named fields of {@code schema}: to read earlier partitions' keys cheaply. */
    static Schema projection(Schema schema, List<String> names) {
        List<Schema.Field> fields = new ArrayList<>();
        for (String name : names) {
            Schema.Field f = schema.getField(name);
            if (f == null) {
                throw new IllegalArgumentException(name + " is not a field of " + schema.getFullName());
            }
            fields.add(new Schema.Field(f, f.schema()));
        }
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
