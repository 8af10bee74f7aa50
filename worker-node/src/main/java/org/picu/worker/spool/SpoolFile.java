package org.picu.worker.spool;

import java.nio.file.Path;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/**
 * A complete spool file waiting for upload.
 *
 * @param path where it is on local disk
 * @param date the UTC day of its records (its directory name), which is also its HDFS partition
 * @param name its parsed name: source, worker and sequence range
 */
public record SpoolFile(Path path, PartitionDate date, RawFileName name) {
}
