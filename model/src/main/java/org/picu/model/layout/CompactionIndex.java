package org.picu.model.layout;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What compaction has committed in one raw directory ({@code raw/<source>/<YYYYMMDD>/}): for every compacted
 * file, the small files ({@link RawFileName}s, its <em>leaves</em>) whose bytes it holds. It is stored as
 * {@code _compacted.<generation>.json}; each compaction writes the next generation under a hidden name and
 * renames it into place, and that rename is what commits the compacted files it adds. Readers use the highest
 * generation in the directory. Entries are never removed, so a small file a worker ships again long after it
 * was compacted is still recognised.
 *
 * @param generation the number in the file name; 0 for a directory that has never been compacted
 * @param entries every compacted file ever committed in the directory, superseded versions included
 */
public record CompactionIndex(long generation, List<Entry> entries) {
    private static final String PREFIX = "_compacted.";
    private static final Pattern NAME = Pattern.compile("_compacted\\.(\\d{6,18})\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The index of a directory that was never compacted. */
    public static final CompactionIndex EMPTY = new CompactionIndex(0, List.of());

    public CompactionIndex {
        entries = List.copyOf(entries);
    }

    /**
     * One compacted file.
     *
     * @param file its {@link CompactedFileName}
     * @param committedAt when the index generation that added it was written
     * @param leaves the small files it holds, in the order their bytes appear in it
     */
    public record Entry(String file, Instant committedAt, List<String> leaves) {
        public Entry {
            CompactedFileName.parse(file);
            Objects.requireNonNull(committedAt, "committedAt");
            leaves = List.copyOf(leaves);
            leaves.forEach(RawFileName::parse);
        }

        public CompactedFileName name() {
            return CompactedFileName.parse(file);
        }
    }

    /** The file name of generation {@code generation}. */
    public static String fileName(long generation) {
        return String.format("%s%06d.json", PREFIX, generation);
    }

    /** The generation a file name carries, or empty if it is not an index file name. */
    public static Optional<Long> generationOf(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    public String fileName() {
        return fileName(generation);
    }

    /** The next generation: these entries and the new ones. */
    public CompactionIndex plus(List<Entry> added) {
        List<Entry> all = new ArrayList<>(entries);
        all.addAll(added);
        return new CompactionIndex(generation + 1, all);
    }

    /** The entry of a compacted file, if the index holds it. */
    public Optional<Entry> entry(String file) {
        return entries.stream().filter(e -> e.file().equals(file)).findFirst();
    }

    /** Whether a small file's bytes are in some committed compacted file. */
    public boolean compacted(String smallFile) {
        return entries.stream().anyMatch(e -> e.leaves().contains(smallFile));
    }

    /** Whether a later version of the same source, worker and hour is committed. */
    public boolean superseded(Entry entry) {
        CompactedFileName name = entry.name();
        return entries.stream().map(Entry::name).anyMatch(n -> n.source().equals(name.source())
                && n.workerId().equals(name.workerId()) && n.hour() == name.hour() && n.version() > name.version());
    }

    /** The newest committed version for a source, worker and hour. */
    public Optional<Entry> latest(String source, String workerId, int hour) {
        return entries.stream().filter(e -> {
            CompactedFileName n = e.name();
            return n.source().equals(source) && n.workerId().equals(workerId) && n.hour() == hour;
        }).filter(e -> !superseded(e)).findFirst();
    }

    public String toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Wire(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException if the text is not an index */
    public static CompactionIndex fromJson(String json) {
        try {
            Wire w = JSON.readValue(json, Wire.class);
            List<Entry> entries = new ArrayList<>();
            for (WireEntry e : w.entries) {
                entries.add(new Entry(e.file, Instant.parse(e.committedAt), e.leaves));
            }
            return new CompactionIndex(w.generation, entries);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a compaction index: " + e.getMessage(), e);
        }
    }

    private static final class Wire {
        @JsonProperty("generation") public long generation;
        @JsonProperty("entries") public List<WireEntry> entries = List.of();

        Wire() {
        }

        Wire(CompactionIndex index) {
            generation = index.generation;
            entries = index.entries.stream().map(WireEntry::new).toList();
        }
    }

    private static final class WireEntry {
        @JsonProperty("file") public String file;
        @JsonProperty("committed_at") public String committedAt;
        @JsonProperty("leaves") public List<String> leaves = List.of();

        WireEntry() {
        }

        WireEntry(Entry e) {
            file = e.file();
            committedAt = e.committedAt().toString();
            leaves = e.leaves();
        }
    }
}
