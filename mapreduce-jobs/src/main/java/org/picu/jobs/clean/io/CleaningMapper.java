package org.picu.jobs.clean.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Mapper;
import org.picu.jobs.clean.CleanCounters;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;

/**
 * The map side every cleaning job shares: decode the line, parse its envelope with the model's
 * {@link EnvelopeCodec}, apply the dataset's {@link CleaningRules}, drop a row whose key an earlier day already
 * published, and emit {@code (dedup key, row)}. A line that fails goes to the reject output with its reason and
 * never stops the task.
 */
public final class CleaningMapper extends Mapper<LongWritable, Text, Text, RowWritable> {
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final Text outKey = new Text();
    private final RowWritable outValue = new RowWritable();
    private CleaningRules rules;
    private RejectOutput rejects;
    private PublishedKeys published = PublishedKeys.empty();
    private Counter recordsRead;
    private Counter duplicatesDropped;
    private Counter duplicatesOfPublished;

    /** For Hadoop: the rules come from the job's configuration in {@link #setup}. */
    public CleaningMapper() {
    }

    /** For tests of {@link #clean} alone. */
    public CleaningMapper(CleaningRules rules) {
        this.rules = rules;
    }

    @Override
    protected void setup(Context context) throws IOException {
        rules = CleaningJob.rules(context.getConfiguration());
        outValue.setConf(context.getConfiguration());
        rejects = new RejectOutput(context);
        recordsRead = context.getCounter(CleanCounters.RECORDS_READ);
        duplicatesDropped = context.getCounter(CleanCounters.DUPLICATES_DROPPED);
        duplicatesOfPublished = context.getCounter(CleanCounters.DUPLICATES_OF_PUBLISHED);
        String keysFile = context.getConfiguration().get(CleaningConfigKeys.PUBLISHED_KEYS_FILE);
        if (keysFile != null) {
            Path path = new Path(keysFile);
            published = PublishedKeys.readFrom(path.getFileSystem(context.getConfiguration()), path);
        }
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
        recordsRead.increment(1);
        // The combined input format names the file it is reading in the task's configuration.
        String path = context.getConfiguration().get(MRJobConfig.MAP_INPUT_FILE, "");
        Outcome outcome = clean(line, path.substring(path.lastIndexOf('/') + 1), offset.get());
        if (outcome.rejected() != null) {
            rejects.write(outcome.rejected());
            return;
        }
        String key = rules.dedupKey(outcome.row());
        if (published.contains(key)) {
            duplicatesDropped.increment(1);
            duplicatesOfPublished.increment(1);
            return;
        }
        outKey.set(key);
        context.write(outKey, outValue.set(outcome.row()));
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        rejects.close();
    }

    /** Either a clean row or the reason the line was rejected. */
    public record Outcome(GenericRecord row, RejectedLine rejected) {
    }

    /** The whole per-line decision, without Hadoop plumbing. */
    public Outcome clean(Text line, String file, long offset) {
        if (!RawLines.isValidUtf8(line)) {
            // Keep what can be read (bad bytes become U+FFFD) so the reject output stays valid JSON.
            String lossy = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
            return new Outcome(null, new RejectedLine("bad_encoding", "line is not valid UTF-8", file, offset, lossy));
        }
        String text = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return new Outcome(null, new RejectedLine("blank_line", "line is empty", file, offset, text));
        }
        try {
            return new Outcome(rules.clean(codec.parse(text)), null);
        } catch (MalformedRecordException e) {
            return new Outcome(null, new RejectedLine(e.reason(), e.getMessage(), file, offset, text));
        }
    }
}
