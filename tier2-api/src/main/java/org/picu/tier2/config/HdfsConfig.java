package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.picu.model.layout.HdfsLayout;

/**
 * {@code hdfs.*}: where the published partitions are read from.
 *
 * @param uri file system URI ({@code hdfs://master:9000}, {@code file:///}); empty means Hadoop's
 *     {@code fs.defaultFS} (from {@code conf-dir}, else the local file system)
 * @param root the layout root below which {@code cleaned/<dataset>/<YYYYMMDD>/} lives, {@code /} on a cluster
 * @param confDir a directory with {@code core-site.xml}/{@code hdfs-site.xml} for a real cluster
 */
public record HdfsConfig(Optional<URI> uri, String root, Optional<Path> confDir) {
    public static final String DEFAULT_ROOT = "/";

    public HdfsConfig {
        requireNonNull(uri, "uri is null");
        requireNonNull(root, "root is null");
        requireNonNull(confDir, "confDir is null");
        if (!isAbsoluteRoot(root)) {
            throw new IllegalArgumentException("hdfs.root must be an absolute path or a URI, got '" + root + "'");
        }
    }

    /**
     * The layout: {@code root} below the path of {@code uri} when one is given (so {@code file:///var/picu}
     * + {@code /} reads {@code /var/picu/cleaned/...}, as the worker writes it), else {@code root} on the
     * default file system; a root written as a URI is used as it is.
     */
    public HdfsLayout layout() {
        if (!root.startsWith("/")) {
            return new HdfsLayout(root);
        }
        return uri.map(u -> HdfsLayout.under(u, root)).orElseGet(() -> new HdfsLayout(root));
    }

    /** The local file system with the layout below {@code root}. */
    public static HdfsConfig local(String root) {
        return new HdfsConfig(Optional.of(URI.create("file:///")), root, Optional.empty());
    }

    static boolean isAbsoluteRoot(String root) {
        return root.startsWith("/") || root.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    }
}
