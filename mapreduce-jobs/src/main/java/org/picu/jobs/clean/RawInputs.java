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
import org.picu.model.layout.RawListing;

/**
 * The raw files a cleaning run for one day reads: every complete file under {@code /raw/<source>/<day>/}
 * at the moment the run starts, so files that arrived after the day's previous run (late data) are
 * always included. Compacted hours are read once, from the compacted file or from the small files it holds,
 * never both and never half (see {@link RawListing}). Temporary upload names and foreign files are left out.
 */
public final class RawInputs {
    private RawInputs() {
    }

    /** Raw files of {@code date} to read for each source, sorted by path (their lengths size the map tasks). */
    public static List<FileStatus> list(FileSystem fs, HdfsLayout layout, PartitionDate date, String[] sources)
            throws IOException {
        List<FileStatus> inputs = new ArrayList<>();
        for (String source : sources) {
            inputs.addAll(RawDirectory.read(fs, new Path(layout.rawDir(source, date))).readable());
        }
        inputs.sort(Comparator.comparing(FileStatus::getPath));
        return inputs;
    }
}
