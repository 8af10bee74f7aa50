package org.picu.worker.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.worker.config.HdfsConfig;

/** Opens the Hadoop file system named by the {@code hdfs.*} keys. */
public final class HadoopFileSystems {
    private HadoopFileSystems() {
    }

    /**
     * The Hadoop configuration: the defaults and {@code core-site.xml} on the classpath, then every
     * {@code *-site.xml} in {@code hdfs.conf-dir} (in name order), so a worker can use the cluster's files.
     */
    public static Configuration configuration(HdfsConfig hdfs) throws IOException {
        Configuration conf = new Configuration();
        if (hdfs.confDir() != null) {
            try (DirectoryStream<Path> sites = Files.newDirectoryStream(hdfs.confDir(), "*-site.xml")) {
                List<Path> sorted = new ArrayList<>();
                sites.forEach(sorted::add);
                sorted.sort(null);
                for (Path site : sorted) {
                    conf.addResource(new org.apache.hadoop.fs.Path(site.toUri()));
                }
            }
        }
        return conf;
    }

    /**
     * A new, uncached file system instance for {@code hdfs.uri}; the caller closes it. Uncached so that
     * closing it cannot break another user of the same URI in this JVM.
     */
    public static FileSystem open(HdfsConfig hdfs, Configuration conf) throws IOException {
        return FileSystem.newInstance(hdfs.uri(), conf);
    }
}
