package org.picu.worker.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts that refused the crawler (an IP ban such as Upbit's 418, a bot challenge) and may not be asked again
 * before a time. The cool-down doubles with every strike of the same host (Upbit: "the block duration
 * increases with repeated offenses"); a strike more than {@link #STRIKE_MEMORY} after the last one starts the
 * count afresh. A {@code Retry-After} the host sent is the least wait.
 *
 * <p>Kept in {@code <spool>/.host-cooldowns.json} (written atomically: temporary file, fsync, rename) so
 * that a restarted worker or the next cron-started {@code crawl} does not walk straight back into a ban. A
 * damaged file is logged and ignored rather than stopping the worker. Thread-safe: the daemon shares one.
 */
public final class HostCooldowns {
    /** First cool-down after a 418 ban; doubled per further strike. */
    public static final Duration BAN_BASE = Duration.ofMinutes(5);
    /** First cool-down after a bot challenge; doubled per further strike. */
    public static final Duration CHALLENGE_BASE = Duration.ofMinutes(30);
    /** No cool-down is longer than this. */
    public static final Duration MAX = Duration.ofHours(24);
    /** Strikes older than this are forgotten. */
    public static final Duration STRIKE_MEMORY = Duration.ofHours(24);
    static final String FILE = ".host-cooldowns.json";

    private static final Logger LOG = LoggerFactory.getLogger(HostCooldowns.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One host's cool-down.
     *
     * @param until the host is not asked before this
     * @param strikes refusals in a row (within {@link #STRIKE_MEMORY} of each other)
     * @param reason the last refusal's outcome, e.g. {@code http_418}
     * @param last when the last refusal happened
     */
    public record Entry(Instant until, int strikes, String reason, Instant last) {
    }

    private final Path file;
    private final Clock clock;
    private final Map<String, Entry> entries = new TreeMap<>();

    private HostCooldowns(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /** Cool-downs kept only for this process (tests, tools). */
    public static HostCooldowns inMemory(Clock clock) {
        return new HostCooldowns(null, clock);
    }

    /** Cool-downs kept in the spool root, loaded now. */
    public static HostCooldowns at(Path spoolRoot, Clock clock) {
        HostCooldowns cooldowns = new HostCooldowns(spoolRoot.resolve(FILE), clock);
        cooldowns.load();
        return cooldowns;
    }

    /** The host's cool-down if it has not ended yet. */
    public synchronized Optional<Entry> active(String host) {
        Entry e = entries.get(host);
        return e != null && e.until().isAfter(clock.instant()) ? Optional.of(e) : Optional.empty();
    }

    /** Every host's entry (ended ones too, while their strikes are remembered). */
    public synchronized Map<String, Entry> all() {
        return Map.copyOf(entries);
    }

    /**
     * Records a refusal of the host and stores the new cool-down.
     *
     * @param base the first cool-down of this kind of refusal
     * @param atLeast a wait the host asked for (Retry-After), or zero
     */
    public synchronized Entry strike(String host, String reason, Duration base, Duration atLeast) {
        Instant now = clock.instant();
        Entry before = entries.get(host);
        int strikes = before == null || before.last().plus(STRIKE_MEMORY).isBefore(now) ? 1 : before.strikes() + 1;
        Duration wait = base;
        for (int i = 1; i < strikes && wait.compareTo(MAX) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (wait.compareTo(MAX) > 0) {
            wait = MAX;
        }
        if (atLeast.compareTo(wait) > 0) {
            wait = atLeast;
        }
        Entry entry = new Entry(now.plus(wait), strikes, reason, now);
        entries.put(host, entry);
        save();
        return entry;
    }

    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        try {
            JsonNode tree = JSON.readTree(file.toFile());
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode v = f.getValue();
                entries.put(f.getKey(), new Entry(Instant.parse(v.path("until").asText()), v.path("strikes").asInt(1),
                        v.path("reason").asText("unknown"), Instant.parse(v.path("last").asText())));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("ignoring the damaged host cool-down file {}: {}", file, e.getMessage());
            entries.clear();
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        ObjectNode tree = JSON.createObjectNode();
        entries.forEach((host, e) -> tree.putObject(host).put("until", e.until().toString())
                .put("strikes", e.strikes()).put("reason", e.reason()).put("last", e.last().toString()));
        Path tmp = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree)));
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // The cool-down still holds for this process; only a restart could forget it.
            LOG.warn("could not store host cool-downs in {}: {}", file, e.getMessage());
        }
    }
}
