package org.picu.master.status;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.WorkerHeartbeat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the workers' {@code heartbeats/<worker>.json} files. */
public final class Heartbeats {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);

    private Heartbeats() {
    }

    /** Every readable heartbeat, by worker id; unreadable files are logged and left out. */
    public static List<WorkerHeartbeat> read(FileSystem fs, HdfsLayout layout) throws IOException {
        FileStatus[] files;
        try {
            files = fs.listStatus(new Path(layout.heartbeatDir()),
                    p -> p.getName().endsWith(".json") && !p.getName().startsWith("."));
        } catch (FileNotFoundException e) {
            return List.of();
        }
        List<WorkerHeartbeat> beats = new ArrayList<>();
        for (FileStatus f : files) {
            try (InputStream in = fs.open(f.getPath())) {
                beats.add(WorkerHeartbeat.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException | FileNotFoundException e) {
                LOG.warn("Ignoring heartbeat {}: {}", f.getPath(), e.getMessage());
            }
        }
        beats.sort(Comparator.comparing(WorkerHeartbeat::workerId));
        return beats;
    }
}
