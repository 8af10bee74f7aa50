package org.picu.jobs.clean;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.output.MultipleOutputs;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;

/**
 * Parses each raw line, applies the market cleaning rules and emits {@code (dedup key, clean tick)};
 * a line that fails goes to the {@value #REJECTS} output with its reason and never stops the task.
 */
public class CleanMarketMapper extends Mapper<LongWritable, Text, Text, Text> {
    static final String REJECTS = "rejects";
    static final String REJECTS_BASE = "_rejects/part";

    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final MarketTickNormalizer normalizer = new MarketTickNormalizer();
    private final Text outKey = new Text();
    private final Text outValue = new Text();
    private MultipleOutputs<Text, Text> rejects;
    private String inputFile = "";

    @Override
    protected void setup(Context context) {
        rejects = new MultipleOutputs<>(context);
        if (context.getInputSplit() instanceof FileSplit split) {
            inputFile = split.getPath().getName();
        }
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
        context.getCounter(CleanCounters.RECORDS_READ).increment(1);
        Outcome outcome = clean(line, inputFile, offset.get());
        if (outcome.tick() != null) {
            outKey.set(outcome.tick().dedupKey());
            outValue.set(outcome.tick().toJson());
            context.write(outKey, outValue);
        } else {
            RejectedLine r = outcome.rejected();
            context.getCounter(CleanCounters.RECORDS_REJECTED).increment(1);
            context.getCounter(CleanCounters.REJECTED_BY_REASON, r.reason()).increment(1);
            outValue.set(r.toJson());
            rejects.write(REJECTS, NullWritable.get(), outValue, REJECTS_BASE);
        }
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        rejects.close();
    }

    /** Either a clean tick or the reason the line was rejected. */
    record Outcome(CleanMarketTick tick, RejectedLine rejected) {
    }

    /** The whole per-line decision, without Hadoop plumbing. */
    Outcome clean(Text line, String file, long offset) {
        String text;
        try {
            Text.validateUTF8(line.getBytes(), 0, line.getLength());
            text = line.toString();
        } catch (CharacterCodingException e) {
            // Keep what can be read (bad bytes become U+FFFD) so the reject output stays valid JSON.
            String lossy = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
            return reject("bad_encoding", "line is not valid UTF-8", file, offset, lossy);
        }
        if (text.isBlank()) {
            return reject("blank_line", "line is empty", file, offset, text);
        }
        try {
            return new Outcome(normalizer.normalize(codec.parse(text)), null);
        } catch (MalformedRecordException e) {
            return reject(e.reason(), e.getMessage(), file, offset, text);
        }
    }

    private static Outcome reject(String reason, String detail, String file, long offset, String line) {
        return new Outcome(null, new RejectedLine(reason, detail, file, offset, line));
    }
}
