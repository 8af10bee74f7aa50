package org.picu.tier2.testing;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/** Hadoop settings for tests: the local file system, with everything Hadoop writes kept under {@code target/}. */
public final class TestHadoop {
    private TestHadoop() {
    }

    public static Configuration conf() {
        Configuration conf = new Configuration();
        conf.set("fs.defaultFS", "file:///");
        conf.set("hadoop.tmp.dir", Path.of("target", "hadoop-tmp").toAbsolutePath().toString());
        return conf;
    }
}
