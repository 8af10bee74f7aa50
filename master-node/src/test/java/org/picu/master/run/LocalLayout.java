package org.picu.master.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.model.layout.HdfsLayout;

/** A fresh layout on the local file system under {@code target/test-data/<name>}, for local-job-runner tests. */
final class LocalLayout {
    final Path dir;
    final HdfsLayout layout;
    final Configuration conf;
    final FileSystem fs;

    LocalLayout(String name) throws IOException {
        dir = Paths.get("target", "test-data", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        layout = new HdfsLayout(dir.toUri().toString());
        conf = new Configuration();
        conf.set(PublishConfigKeys.ROOT, layout.root());
        fs = new org.apache.hadoop.fs.Path(layout.root()).getFileSystem(conf);
    }
}
