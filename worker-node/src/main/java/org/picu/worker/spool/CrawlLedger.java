package org.picu.worker.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The end of each source's last successful crawl run, one small file per source under
 * {@code <spool>/.last-success/}, so that {@code status} and the heartbeat can show it after a restart.
 * Written atomically (temporary file, fsync, rename).
 */
public final class CrawlLedger {
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
    private final Path dir;

    public CrawlLedger(Path spoolRoot) {
        this.dir = spoolRoot.resolve(".last-success");
    }

    public void recordSuccess(String source, Instant at) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(source);
        Path tmp = dir.resolve("." + source + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap((at + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Per source, its last successful run; a damaged entry is left out rather than failing the caller. */
    public Map<String, Instant> lastSuccess() throws IOException {
        Map<String, Instant> result = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        for (Path file : SpoolDirectory.list(dir)) {
            String name = file.getFileName().toString();
            if (SOURCE.matcher(name).matches()) {
                read(file).ifPresent(at -> result.put(name, at));
            }
        }
        return result;
    }

    private static Optional<Instant> read(Path file) throws IOException {
        try {
            return Optional.of(Instant.parse(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
