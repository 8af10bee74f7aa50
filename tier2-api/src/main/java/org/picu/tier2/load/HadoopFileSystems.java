package org.picu.tier2.load;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.tier2.config.HdfsConfig;

/** Opens the file system the published partitions live on, as {@code hdfs.*} describes it. */
public final class HadoopFileSystems {
    private HadoopFileSystems() {
    }

    /**
     * A new, uncached file system instance: the caller closes it without closing anyone else's
     * ({@link FileSystem#get} would hand out a shared one).
     *
     * @param base settings to start from, e.g. with {@code hadoop.tmp.dir} pointing somewhere writable
     */
    public static FileSystem open(HdfsConfig config, Configuration base) throws IOException {
        Configuration conf = new Configuration(base);
        if (config.confDir().isPresent()) {
            for (String name : new String[] {"core-site.xml", "hdfs-site.xml"}) {
                Path file = config.confDir().get().resolve(name);
                if (Files.isRegularFile(file)) {
                    conf.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                }
            }
        }
        URI uri = config.uri().orElseGet(() -> FileSystem.getDefaultUri(conf));
        return FileSystem.newInstance(uri, conf);
    }
}
