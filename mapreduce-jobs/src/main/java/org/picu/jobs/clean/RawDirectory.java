package org.picu.jobs.clean;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.model.layout.CompactionIndex;
import org.picu.model.layout.RawListing;

/**
 * One raw directory ({@code raw/<source>/<YYYYMMDD>/}) as a reader sees it: its files and its compaction index,
 * read so that they agree. The directory is listed, the newest index read, and the directory listed again; if a
 * newer index appeared meanwhile (a compaction committed), it starts over. A listing taken after the index was
 * read can only add compacted files that index does not commit yet, which are ignored; the small files those
 * would replace are still there (compaction deletes them only a while after it commits).
 *
 * @param dir the directory
 * @param files its files (none if it does not exist)
 * @param index its newest compaction index ({@link CompactionIndex#EMPTY} if it has none)
 */
public record RawDirectory(Path dir, List<FileStatus> files, CompactionIndex index) {
    private static final int ATTEMPTS = 5;
    /** Directories a cache keeps before it starts over: the lookback window's, of every source. */
    private static final int CACHED_DIRECTORIES = 64;

    public static RawDirectory read(FileSystem fs, Path dir) throws IOException {
        return read(fs, dir, new HashMap<>());
    }

    /**
     * Like {@link #read(FileSystem, Path)}, keeping the newest index of each directory in {@code cache} (a
     * generation never changes once written), so a long-lived reader parses each generation once.
     */
    public static RawDirectory read(FileSystem fs, Path dir, Map<Path, CompactionIndex> cache) throws IOException {
        FileStatus[] before = list(fs, dir);
        for (int attempt = 1; ; attempt++) {
            Optional<Long> generation = newestIndex(before);
            CompactionIndex index;
            try {
                index = generation.isEmpty() ? CompactionIndex.EMPTY : cached(fs, dir, generation.get(), cache);
            } catch (FileNotFoundException e) {
                index = null; // replaced by a newer one since the listing
            }
            FileStatus[] after = list(fs, dir);
            if (index != null && newestIndex(after).equals(generation)) {
                return new RawDirectory(dir, List.of(after), index);
            }
            if (attempt == ATTEMPTS) {
                throw new IOException(dir + ": its compaction index changed " + ATTEMPTS + " times while it was read; "
                        + "is more than one compactor running?");
            }
            before = after;
        }
    }

    /** The files to read (see {@link RawListing}), as listed. */
    public List<FileStatus> readable() throws IOException {
        Map<String, FileStatus> byName = new HashMap<>();
        files.stream().filter(FileStatus::isFile).forEach(f -> byName.put(f.getPath().getName(), f));
        try {
            return RawListing.readable(List.copyOf(byName.keySet()), index).stream().map(byName::get).toList();
        } catch (IllegalStateException e) {
            throw new IOException(dir + ": " + e.getMessage(), e);
        }
    }

    private static CompactionIndex cached(FileSystem fs, Path dir, long generation, Map<Path, CompactionIndex> cache)
            throws IOException {
        CompactionIndex known = cache.get(dir);
        if (known != null && known.generation() == generation) {
            return known;
        }
        CompactionIndex index = readIndex(fs, dir, generation);
        if (cache.size() >= CACHED_DIRECTORIES) {
            cache.clear();
        }
        cache.put(dir, index);
        return index;
    }

    /** Reads one generation of a directory's index. */
    public static CompactionIndex readIndex(FileSystem fs, Path dir, long generation) throws IOException {
        Path file = new Path(dir, CompactionIndex.fileName(generation));
        try (InputStream in = fs.open(file)) {
            return CompactionIndex.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IOException(
                    file + " is not a compaction index (" + e.getMessage() + "); it is written under a hidden name and"
                            + " renamed, so it was changed by hand:"
                            + " restore it from the compacted files'"
                            + " leaves",
                    e);
        }
    }

    /** The highest index generation among the listed files. */
    public static Optional<Long> newestIndex(FileStatus[] files) {
        return Arrays.stream(files).map(f -> CompactionIndex.generationOf(f.getPath().getName()))
                .flatMap(Optional::stream).max(Long::compare);
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        try {
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return new FileStatus[0];
        }
    }
}
