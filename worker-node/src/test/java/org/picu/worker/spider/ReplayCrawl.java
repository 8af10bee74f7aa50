package org.picu.worker.spider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;
import org.picu.worker.WorkerMain;

/**
 * Runs {@code crawl <source>} through the real command line with a worker config whose {@code sources}
 * section points at replay servers, then reads back what landed in the spool.
 */
final class ReplayCrawl {
    private ReplayCrawl() {
    }

    /**
     * @param dir a fresh directory for the config file and the spool
     * @param sourcesYaml the {@code sources:} section, indented under it
     * @return the command's output line and the spool's envelopes in sequence order
     */
    static Result run(Path dir, String source, String sourcesYaml) throws IOException {
        Path spool = dir.resolve("spool");
        Path config = Files.writeString(dir.resolve("worker.yml"), """
                worker:
                  id: w1
                spool:
                  dir: %s
                hdfs:
                  uri: "file:///picu-not-used"
                fetch:
                  host-delay: PT0S
                  host-jitter: PT0S
                  read-timeout: PT10S
                sources:
                %s""".formatted(spool, sourcesYaml.indent(2)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WorkerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "crawl", source,
                "--config", config.toString());
        assertEquals(0, exit, "crawl " + source + " failed: " + err);
        return new Result(out.toString().strip(), envelopes(spool));
    }

    private static List<RecordEnvelope> envelopes(Path spool) throws IOException {
        EnvelopeCodec codec = new EnvelopeCodec();
        List<RecordEnvelope> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(spool)) {
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("[^.].*\\.jsonl(\\.uploaded)?")).toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    all.add(codec.parse(line));
                }
            }
        } catch (MalformedRecordException e) {
            throw new UncheckedIOException(new IOException("spool holds a bad line: " + e.getMessage(), e));
        }
        all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return all;
    }

    /**
     * @param summary what the command printed, e.g. {@code crawl coinness: 2 records written, 3 rejected, ...}
     * @param records the envelopes in the spool
     */
    record Result(String summary, List<RecordEnvelope> records) {
    }
}
