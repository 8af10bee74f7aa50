package org.picu.model.layout;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code _manifest.json} of a published partition: what the loader needs to know to load it once.
 *
 * @param dataset dataset directory name, e.g. {@code market_ticks}
 * @param date partition day, {@code YYYYMMDD}
 * @param runId the run that produced the partition; a new run id means new content
 * @param recordCount rows in the partition's Parquet files
 * @param rejectedCount records sent to {@code _rejects}
 * @param duplicateCount records dropped as duplicates
 * @param dataFiles Parquet file names inside the partition directory
 * @param inputFiles files the run read (raw files, or the upstream Parquet files of a derived dataset) as paths
 *     below the PICU root, e.g. {@code raw/upbit/20261121/upbit.w1.000000000001-000000000006.jsonl}; manifests
 *     written before 2026-11-22 list bare file names
 * @param publishedAt when the partition was renamed into place
 */
public record PartitionManifest(
        String dataset,
        String date,
        String runId,
        long recordCount,
        long rejectedCount,
        long duplicateCount,
        List<String> dataFiles,
        List<String> inputFiles,
        Instant publishedAt) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public PartitionManifest {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(runId, "runId");
        dataFiles = List.copyOf(dataFiles);
        inputFiles = List.copyOf(inputFiles);
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Wire(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not a manifest */
    public static PartitionManifest fromJson(String json) {
        try {
            Wire w = JSON.readValue(json, Wire.class);
            return new PartitionManifest(w.dataset, w.date, w.runId, w.recordCount, w.rejectedCount,
                    w.duplicateCount, w.dataFiles, w.inputFiles, Instant.parse(w.publishedAt));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a partition manifest: " + e.getMessage(), e);
        }
    }

    /** Instant is written as ISO text without needing the JSR-310 module. */
    private static final class Wire {
        @JsonProperty("dataset") public String dataset;
        @JsonProperty("date") public String date;
        @JsonProperty("run_id") public String runId;
        @JsonProperty("record_count") public long recordCount;
        @JsonProperty("rejected_count") public long rejectedCount;
        @JsonProperty("duplicate_count") public long duplicateCount;
        @JsonProperty("data_files") public List<String> dataFiles = List.of();
        @JsonProperty("input_files") public List<String> inputFiles = List.of();
        @JsonProperty("published_at") public String publishedAt;

        Wire() {
        }

        Wire(PartitionManifest m) {
            dataset = m.dataset;
            date = m.date;
            runId = m.runId;
            recordCount = m.recordCount;
            rejectedCount = m.rejectedCount;
            duplicateCount = m.duplicateCount;
            dataFiles = m.dataFiles;
            inputFiles = m.inputFiles;
            publishedAt = m.publishedAt.toString();
        }
    }
}
