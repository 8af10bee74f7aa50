package org.picu.master.plan;

/**
 * What a job would read for one day: the complete raw files of its sources, or the Parquet files of the published
 * upstream partitions within its window.
 *
 * @param bytes their total length
 * @param files how many there are
 */
public record InputSize(long bytes, int files) {
    @Override
    public String toString() {
        return files + " files, " + (bytes < 10L << 20 ? (bytes >> 10) + " KiB" : (bytes >> 20) + " MiB");
    }
}
