package org.picu.worker.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.picu.model.layout.HdfsLayout;

/**
 * Keys {@code hdfs.*}.
 *
 * @param uri the file system, e.g. {@code hdfs://master:9000} or {@code file:///var/picu/hdfs} for standalone
 *     mode; a path in the URI is kept
 * @param root the {@code HdfsLayout} root below the URI's path, normally {@code /}
 * @param confDir a Hadoop configuration directory whose {@code *-site.xml} files are added, or {@code null}
 */
public record HdfsConfig(URI uri, String root, Path confDir) {
    public static final String DEFAULT_ROOT = "/";

    public HdfsConfig {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(root, "root");
    }

    public Optional<Path> confDirIfSet() {
        return Optional.ofNullable(confDir);
    }

    /**
     * The layout root as one URI string: scheme and authority of {@link #uri}, its path, then {@link #root}.
     * For example {@code hdfs://master:9000} + {@code /} gives {@code hdfs://master:9000/}, and
     * {@code file:///var/picu/hdfs} + {@code /} gives {@code file:///var/picu/hdfs/}.
     */
    public String layoutRoot() {
        return HdfsLayout.under(uri, root).root();
    }
}
