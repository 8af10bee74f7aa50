package org.picu.worker.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.WorkerHeartbeat;

/**
 * Writes {@code heartbeats/<worker>.json} (model's {@link WorkerHeartbeat}) under a temporary name and renames
 * it over the old one, so that a reader never sees half a heartbeat.
 */
public final class HeartbeatWriter {
    private final FileSystem fs;
    private final HdfsLayout layout;

    public HeartbeatWriter(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    public void write(WorkerHeartbeat heartbeat) throws IOException {
        Path target = new Path(layout.heartbeatFile(heartbeat.workerId()));
        Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
        fs.mkdirs(target.getParent());
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(heartbeat.toJson().getBytes(StandardCharsets.UTF_8));
        }
        // FileSystem.rename never replaces a file; FileContext can, atomically on HDFS.
        FileContext.getFileContext(fs.getUri(), fs.getConf()).rename(fs.makeQualified(tmp), fs.makeQualified(target),
                Options.Rename.OVERWRITE);
    }
}
