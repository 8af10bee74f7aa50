package org.picu.jobs.clean.io;

import java.util.Comparator;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/**
 * A cleaned dataset's contract, the one thing a dataset implements: which raw records are valid (and why not),
 * how a valid one becomes a row of the dataset's Avro schema, which rows are the same record, and which of them
 * is kept. The machinery of this package reads the lines, shuffles the rows and writes the winners as Parquet;
 * the rules see parsed envelopes and Avro rows, never bytes.
 *
 * <p>Tasks make their own instance by the public no-argument constructor, so an implementation holds no state
 * that must be shared.
 */
public interface CleaningRules {
    /** The dataset's published Avro schema (from {@code DatasetSchemas}). */
    Schema schema();

    /**
     * The schema of the rows {@link #clean} returns: the published {@link #schema}, or that schema followed by
     * fields that only {@link #winnerFirst} reads (they travel to the reducer and are not published).
     */
    default Schema rowSchema() {
        return schema();
    }

    /**
     * The row of a valid record; an invalid one throws with a reject reason (e.g. {@code bad_symbol}), which
     * names the record's counter and its line in the partition's {@code _rejects/}.
     */
    GenericRecord clean(RecordEnvelope envelope) throws MalformedRecordException;

    /** The fields of the published schema that {@link #dedupKey} reads. */
    List<String> keyFields();

    /**
     * The dedup key: rows with equal keys are the same record. It reads only {@link #keyFields}, so that it also
     * keys the rows of earlier partitions, read with those fields alone (string fields then read as Avro's
     * {@code Utf8}: use {@code toString()}).
     */
    String dedupKey(GenericRecord row);

    /**
     * Which of several rows with one key is kept: the first in this order. It must be total (end in a unique
     * tie-break such as worker id and sequence number), so that every run keeps the same row.
     */
    Comparator<GenericRecord> winnerFirst();
}
