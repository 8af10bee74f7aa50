package org.picu.worker.upload;

import java.nio.file.Path;

/**
 * A spool file that was not shipped.
 *
 * @param local the spool file, still in place
 * @param target where it was meant to go in HDFS
 * @param message why, e.g. the I/O error
 */
public record UploadFailure(Path local, String target, String message) {
}
