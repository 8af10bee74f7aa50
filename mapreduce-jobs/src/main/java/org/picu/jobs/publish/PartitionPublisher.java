package org.picu.jobs.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a finished job output from its staging directory to the published partition path.
 *
 * <p>Only a staging directory with {@code _SUCCESS} is published. The manifest is written into staging
 * first, so a published partition always has one; the loader treats a partition without a manifest as
 * not there. A re-run replaces an existing partition: the old one is renamed aside, the new one renamed
 * in, and the old one deleted, so a reader sees either the old or the new partition, never a mix.
 */
public final class PartitionPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(PartitionPublisher.class);

    private final FileSystem fs;

    public PartitionPublisher(FileSystem fs) {
        this.fs = fs;
    }

    /** Parquet files of a finished staging directory, sorted by name. */
    public List<String> dataFiles(Path staging) throws IOException {
        FileStatus[] files = fs.listStatus(staging, p -> p.getName().endsWith(".parquet"));
        return Arrays.stream(files).map(f -> f.getPath().getName()).sorted().toList();
    }

    /**
     * Publishes {@code staging} as {@code target}.
     *
     * @throws IOException if staging is not complete or a rename fails (the previous partition, if any,
     *     is put back)
     */
    public void publish(Path staging, Path target, PartitionManifest manifest) throws IOException {
        if (!fs.exists(new Path(staging, HdfsLayout.SUCCESS_NAME))) {
            throw new IOException("refusing to publish " + staging + ": it has no " + HdfsLayout.SUCCESS_NAME
                    + ", so the job did not finish");
        }
        try (OutputStream out = fs.create(new Path(staging, HdfsLayout.MANIFEST_NAME), false)) {
            out.write(manifest.toJson().getBytes(StandardCharsets.UTF_8));
        }
        fs.mkdirs(target.getParent());
        if (!fs.exists(target)) {
            rename(staging, target);
        } else {
            Path previous = new Path(staging.getParent(), staging.getName() + ".replaced");
            rename(target, previous);
            try {
                rename(staging, target);
            } catch (IOException e) {
                rename(previous, target);
                throw e;
            }
            fs.delete(previous, true);
        }
        LOG.info("Published {} ({} records, run {})", target, manifest.recordCount(), manifest.runId());
    }

    private void rename(Path from, Path to) throws IOException {
        if (!fs.rename(from, to)) {
            throw new IOException("could not rename " + from + " to " + to);
        }
    }
}
