package org.picu.tier2.api.pipeline;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;

/** Opens a new file system instance that the caller closes; {@code HadoopFileSystems.open} in production. */
@FunctionalInterface
public interface FileSystemOpener {
    FileSystem open() throws IOException;
}
