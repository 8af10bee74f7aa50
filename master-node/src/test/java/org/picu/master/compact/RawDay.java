package org.picu.master.compact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.jobs.clean.RawInputs;
import org.picu.model.EnvelopeCodec;
import org.picu.model.RecordEnvelope;
import org.picu.model.RecordKind;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.RawFileName;

/**
 * One day's Upbit raw directory in HDFS, filled the way workers' uploaders fill it: small files named by worker
 * and sequence range, each given the modification time of its simulated upload.
 */
public final class RawDay {
    private static final EnvelopeCodec CODEC = new EnvelopeCodec();

    final FileSystem fs;
    final HdfsLayout layout;
    final PartitionDate day;
    final Path dir;
    private final List<String> uploaded = new ArrayList<>();

    public RawDay(FileSystem fs, HdfsLayout layout, PartitionDate day) {
        this.fs = fs;
        this.layout = layout;
        this.day = day;
        this.dir = new Path(layout.rawDir("upbit", day));
    }

    /** Ships a file of {@code count} ticks (BTC and ETH in turn) crawled at {@code at}, uploaded at {@code at}. */
    public String upload(String worker, long firstSeq, int count, Instant at) throws IOException {
        StringBuilder lines = new StringBuilder();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long n = firstSeq + i;
            Instant crawled = at.plusSeconds(i).plusMillis(Math.floorMod(worker.hashCode(), 1000));
            ObjectNode p = EnvelopeCodec.newPayload();
            p.put("symbol", n % 2 == 0 ? "BTC" : "ETH");
            p.put("quote_currency", "KRW");
            p.put("price", 100 + n % 17);
            p.put("day_volume", 10.0 * n);
            p.put("timestamp", crawled.toString());
            String line = CODEC.toJsonLine(new RecordEnvelope(1, "upbit", RecordKind.MARKET_TICK, crawled, worker, n,
                    "http://127.0.0.1/v1/ticker", p));
            lines.append(line).append('\n');
            written.add(line);
        }
        String name = new RawFileName("upbit", worker, firstSeq, firstSeq + count - 1).toString();
        put(name, lines.toString(), at);
        uploaded.addAll(written);
        return name;
    }

    /** Writes a file again, as an uploader that crashed before marking it shipped does. */
    void put(String name, String content, Instant modified) throws IOException {
        fs.mkdirs(dir);
        Path file = new Path(dir, name);
        try (OutputStream out = fs.create(file, true)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        fs.setTimes(file, modified.toEpochMilli(), -1);
    }

    /** Every line shipped so far, each once, sorted. */
    public List<String> shipped() {
        return uploaded.stream().sorted().toList();
    }

    /** Every line of the files a cleaning job would read now (duplicates kept), sorted. */
    public List<String> readable() throws IOException {
        List<String> lines = new ArrayList<>();
        for (FileStatus f : RawInputs.list(fs, layout, day, new String[] {"upbit"})) {
            lines.addAll(lines(f.getPath()));
        }
        lines.sort(null);
        return lines;
    }

    List<String> lines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Names of every file in the directory. */
    List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus f : fs.listStatus(dir)) {
                names.add(f.getPath().getName());
            }
        }
        names.sort(null);
        return names;
    }

    /** Data files (small or compacted) present for a worker, read or not. */
    long dataFiles(String worker) throws IOException {
        return names().stream().filter(n -> n.startsWith("upbit." + worker + ".") && n.endsWith(".jsonl")).count();
    }
}
