package org.picu.jobs.clean;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/**
 * The raw files a cleaning run for one day reads: every complete file under {@code /raw/<source>/<day>/}
 * at the moment the run starts, so files that arrived after the day's previous run (late data) are
 * always included. Temporary upload names and foreign files are left out.
 */
public final class RawInputs {
    private RawInputs() {
    }

    /** Complete raw files of {@code date} for each source, sorted by path (their lengths size the map tasks). */
    public static List<FileStatus> list(FileSystem fs, HdfsLayout layout, PartitionDate date, String[] sources) throws IOException {
        List<FileStatus> inputs = new ArrayList<>();
        for (String source : sources) {
            Path dir = new Path(layout.rawDir(source, date));
            if (!fs.exists(dir)) {
                continue;
            }
            for (FileStatus f : fs.listStatus(dir, p -> RawFileName.matches(p.getName()))) {
                if (f.isFile()) {
                    inputs.add(f);
                }
            }
        }
        inputs.sort(Comparator.comparing(FileStatus::getPath));
        return inputs;
    }
}
