package org.picu.worker.upload;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.CompactionIndex;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.spool.SpoolDirectory;
import org.picu.worker.spool.SpoolFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships complete spool files to {@code <root>/raw/<source>/<YYYYMMDD>/<name>}, oldest first.
 *
 * <p>Per file: if the target already exists with the same length, the file was shipped before a crash and is
 * only marked uploaded. Otherwise it is written to {@code .<name>.uploading} in the target directory (the
 * leading dot hides it from MapReduce input), closed, renamed to the target, and then marked uploaded locally
 * ({@code <name>.uploaded}). A file is never deleted here and an I/O error on one file never ends the command:
 * it is reported, and the file stays for the next run. After {@link #MAX_CONSECUTIVE_FAILURES} failures in a
 * row HDFS is taken to be down and the remaining files are deferred rather than each waiting out a timeout.
 */
public final class HdfsUploader {
    public static final int MAX_CONSECUTIVE_FAILURES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(HdfsUploader.class);

    private final FileSystem fs;
    private final HdfsLayout layout;
    /** The newest index read of each directory (a generation never changes once written), a few days' worth. */
    private final Map<Path, CompactionIndex> indexes = new HashMap<>();
    private static final int MAX_CACHED_INDEXES = 64;

    /** @param layout its root is a URI or path on {@code fs}, e.g. {@code hdfs://master:9000/} */
    public HdfsUploader(FileSystem fs, HdfsLayout layout) {
        this.fs = fs;
        this.layout = layout;
    }

    /** Ships every pending file of the spool once. Only a failure to list the local spool is thrown. */
    public UploadReport drain(SpoolDirectory spool) throws IOException {
        List<SpoolFile> pending = spool.pendingFiles();
        List<String> shipped = new ArrayList<>();
        List<String> present = new ArrayList<>();
        List<UploadFailure> failed = new ArrayList<>();
        int consecutiveFailures = 0;
        int index = 0;
        for (; index < pending.size() && consecutiveFailures < MAX_CONSECUTIVE_FAILURES; index++) {
            SpoolFile file = pending.get(index);
            Path target = target(file);
            try {
                if (ship(file, target)) {
                    shipped.add(target.toString());
                } else {
                    present.add(target.toString());
                }
                spool.markUploaded(file);
                consecutiveFailures = 0;
            } catch (IOException e) {
                consecutiveFailures++;
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                LOG.warn("could not ship {} to {}: {}", file.path(), target, message);
                failed.add(new UploadFailure(file.path(), target.toString(), message));
            }
        }
        return new UploadReport(shipped, present, failed, pending.size() - index);
    }

    /** The HDFS path a spool file goes to. */
    public Path target(SpoolFile file) {
        return new Path(layout.rawDir(file.name().source(), file.date()), file.name().toString());
    }

    /** @return true if copied, false if an identical-length copy was already there */
    private boolean ship(SpoolFile file, Path target) throws IOException {
        long length = Files.size(file.path());
        if (compacted(target)) {
            return false;
        }
        if (fs.exists(target)) {
            FileStatus existing = fs.getFileStatus(target);
            if (existing.getLen() == length) {
                return false;
            }
            throw new IOException(
                    target + " already exists with " + existing.getLen() + " bytes but the spool file has " + length
                            + "; names are unique per worker and sequence, so two workers probably share one"
                            + " worker.id");
        }
        Path dir = target.getParent();
        Path uploading = new Path(dir, "." + target.getName() + ".uploading");
        fs.mkdirs(dir);
        try {
            try (InputStream in = Files.newInputStream(file.path());
                 OutputStream out = fs.create(uploading, true)) {
                in.transferTo(out);
            }
            if (!fs.rename(uploading, target)) {
                throw new IOException("HDFS refused to rename " + uploading + " to " + target);
            }
        } catch (IOException e) {
            deleteQuietly(uploading);
            throw e;
        }
        return true;
    }

    /** Whether the newest compaction index of the target's directory names the target as held by a compacted file. */
    private boolean compacted(Path target) throws IOException {
        FileStatus[] listing;
        try {
            listing = fs.listStatus(target.getParent());
        } catch (FileNotFoundException e) {
            return false;
        }
        Optional<Long> newest = Arrays.stream(listing).map(f -> CompactionIndex.generationOf(f.getPath().getName()))
                .flatMap(Optional::stream).max(Long::compare);
        if (newest.isEmpty()) {
            return false;
        }
        Path dir = target.getParent();
        Path indexFile = new Path(dir, CompactionIndex.fileName(newest.get()));
        CompactionIndex index = indexes.get(dir);
        if (index == null || index.generation() != newest.get()) {
            try (InputStream in = fs.open(indexFile)) {
                index = CompactionIndex.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (FileNotFoundException e) {
                return false; // replaced meanwhile; the target check below still finds a file not yet deleted
            } catch (IllegalArgumentException e) {
                throw new IOException(indexFile + " is not a compaction index: " + e.getMessage(), e);
            }
            if (indexes.size() >= MAX_CACHED_INDEXES) {
                indexes.clear();
            }
            indexes.put(dir, index);
        }
        return index.compacted(target.getName());
    }

    private void deleteQuietly(Path path) {
        try {
            fs.delete(path, false);
        } catch (IOException e) {
            LOG.debug("could not remove {} after a failed upload: {}", path, e.getMessage());
        }
    }
}
