package org.picu.model.layout;

import java.net.URI;
import java.util.Objects;

/**
 * The directory tree every stage agrees on, below a configurable root (normally {@code /}):
 *
 * <pre>
 * raw/&lt;source&gt;/&lt;YYYYMMDD&gt;/&lt;source&gt;.&lt;worker&gt;.&lt;first&gt;-&lt;last&gt;.jsonl   uploaded by
 * workers
 * raw/&lt;source&gt;/&lt;YYYYMMDD&gt;/&lt;source&gt;.&lt;worker&gt;.h&lt;HH&gt;.v&lt;n&gt;.jsonl       an hour of them,
 * compacted (RawListing says which to read)
 * raw/&lt;source&gt;/&lt;YYYYMMDD&gt;/_compacted.&lt;generation&gt;.json        which small files each compacted file
 * holds
 * cleaned/&lt;dataset&gt;/&lt;YYYYMMDD&gt;/                                 published partitions (Parquet, _SUCCESS,
 * _manifest.json)
 * cleaned/&lt;dataset&gt;/&lt;YYYYMMDD&gt;/_rejects/                        rejected records with their reason
 * staging/&lt;dataset&gt;/&lt;YYYYMMDD&gt;/&lt;run-id&gt;/                        job output before it is published
 * locks/compaction.lease                                            held while the orchestrator compacts raw files
 * locks/&lt;dataset&gt;.&lt;YYYYMMDD&gt;.lock                                   held while a run for that partition is
 * active
 * heartbeats/&lt;worker&gt;.json                                           each worker's last upload and spool backlog
 * ledger/                                                              the orchestrator's run ledger
 * </pre>
 *
 * Paths are returned as strings so that this module does not depend on Hadoop; callers wrap them in
 * {@code org.apache.hadoop.fs.Path}.
 */
public final class HdfsLayout {
    public static final String MANIFEST_NAME = "_manifest.json";
    public static final String SUCCESS_NAME = "_SUCCESS";
    public static final String REJECTS_DIR = "_rejects";

    private final String root;

    /**
     * @param root a URI or absolute path such as {@code /}, {@code hdfs://master:9000/picu} or {@code file:/var/picu}
     */
    public HdfsLayout(String root) {
        Objects.requireNonNull(root, "root");
        this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }

    /**
     * The layout whose root is {@code root} below a file system URI's own path, so that configuration can
     * name the file system and the root separately: {@code hdfs://master:9000} + {@code /} is
     * {@code hdfs://master:9000/}, and {@code file:///var/picu/hdfs} + {@code /} is {@code file:///var/picu/hdfs/}.
     */
    public static HdfsLayout under(URI fileSystem, String root) {
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(root, "root");
        String base = fileSystem.getPath() == null ? "" : fileSystem.getPath();
        String path = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + (root.startsWith("/") ? root : "/" + root);
        String authority = fileSystem.getRawAuthority() == null ? "" : fileSystem.getRawAuthority();
        return new HdfsLayout(fileSystem.getScheme() + "://" + authority + path);
    }

    /** The root, always ending in {@code /} (so {@code hdfs://nn:9000/} rather than a path-less URI). */
    public String root() {
        return root + "/";
    }

    public String rawRootDir() {
        return root + "/raw";
    }

    public String rawSourceDir(String source) {
        return root + "/raw/" + source;
    }

    public String rawDir(String source, PartitionDate date) {
        return rawSourceDir(source) + "/" + date;
    }

    public String cleanedDatasetDir(Dataset dataset) {
        return root + "/cleaned/" + dataset.dirName();
    }

    public String cleanedDir(Dataset dataset, PartitionDate date) {
        return cleanedDatasetDir(dataset) + "/" + date;
    }

    public String stagingDir(Dataset dataset, PartitionDate date, String runId) {
        return root + "/staging/" + dataset.dirName() + "/" + date + "/" + runId;
    }

    public String heartbeatDir() {
        return root + "/heartbeats";
    }

    /** The heartbeat a worker rewrites after every upload (see {@link WorkerHeartbeat}). */
    public String heartbeatFile(String workerId) {
        return heartbeatDir() + "/" + workerId + ".json";
    }

    public String ledgerDir() {
        return root + "/ledger";
    }

    /** Held by the orchestrator while it compacts raw directories: one compactor at a time. */
    public String compactionLease() {
        return root + "/locks/compaction.lease";
    }

    public String lockFile(Dataset dataset, PartitionDate date) {
        return root + "/locks/" + dataset.dirName() + "." + date + ".lock";
    }
}
