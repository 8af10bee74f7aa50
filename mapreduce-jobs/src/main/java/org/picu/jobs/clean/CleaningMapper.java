package org.picu.jobs.clean;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Counter;
import org.apache.hadoop.mapreduce.MRJobConfig;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.lib.input.CombineFileSplit;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.picu.model.EnvelopeCodec;
import org.picu.model.MalformedRecordException;
import org.picu.model.RecordEnvelope;

/**
 * The map side every cleaning job shares: decode the line, parse the envelope, apply the dataset's rules
 * ({@link #normalize}), drop a record whose key an earlier day already published, and emit
 * {@code (dedup key, record)}. A line that fails goes to the reject output with its reason and never
 * stops the task.
 *
 * @param <T> the cleaned record type
 */
public abstract class CleaningMapper<T> extends Mapper<LongWritable, Text, Text, RecordWritable<T>> {
    private final EnvelopeCodec codec = new EnvelopeCodec();
    private final EnvelopeReader envelopes = new EnvelopeReader();
    private final PayloadFields fields = payloadFields();
    private final Text outKey = new Text();
    private RecordWritable<T> outValue;
    private RejectOutput rejects;
    private PublishedKeys published = PublishedKeys.empty();
    private String inputFile = "";
    /** Set when the split combines several files: the current one is then read per record. */
    private Configuration combinedSplitConf;
    private String currentPath;
    /** Looked up once: a lookup by enum per record was a visible share of the map side. */
    private Counter recordsRead;
    private Counter duplicatesDropped;
    private Counter duplicatesOfPublished;

    /** The dataset's validation and normalisation rules. */
    protected abstract T normalize(RecordEnvelope envelope) throws MalformedRecordException;

    /**
     * The payload fields {@link #normalize(EnvelopeHead, Payload)} reads, to be read straight from the
     * line instead of building the payload's tree; null (the default) when the rules read the envelope.
     */
    protected PayloadFields payloadFields() {
        return null;
    }

    /**
     * The same rules as {@link #normalize(RecordEnvelope)} on an envelope's fields and its payload's; called
     * only when {@link #payloadFields} is not null.
     */
    protected T normalize(EnvelopeHead head, Payload payload) throws MalformedRecordException {
        throw new UnsupportedOperationException(getClass().getName() + " reads the envelope's payload tree");
    }

    /** The dedup key; equal keys mean the same record. */
    protected abstract String dedupKey(T record);

    @Override
    protected void setup(Context context) throws IOException {
        rejects = new RejectOutput(context);
        recordsRead = context.getCounter(CleanCounters.RECORDS_READ);
        duplicatesDropped = context.getCounter(CleanCounters.DUPLICATES_DROPPED);
        duplicatesOfPublished = context.getCounter(CleanCounters.DUPLICATES_OF_PUBLISHED);
        outValue = RecordWritable.ofMapOutput(context);
        if (context.getInputSplit() instanceof FileSplit split) {
            inputFile = split.getPath().getName();
        } else if (context.getInputSplit() instanceof CombineFileSplit) {
            // CombineFileRecordReader names the file it is reading in the task's configuration.
            combinedSplitConf = context.getConfiguration();
        }
        String keysFile = context.getConfiguration().get(CleaningConfigKeys.PUBLISHED_KEYS_FILE);
        if (keysFile != null) {
            Path path = new Path(keysFile);
            published = PublishedKeys.readFrom(path.getFileSystem(context.getConfiguration()), path);
        }
    }

    /**
     * {@code Mapper.run}'s loop, calling the typed {@link #map(LongWritable, Text, Context)} itself: through the
     * inherited loop every record went through the compiler-generated bridge {@code map(Object, Object, Context)},
     * and HotSpot compiled the whole per-record call tree twice, once into the bridge and once on its own.
     */
    @Override
    public void run(Context context) throws IOException, InterruptedException {
        setup(context);
        try {
            while (context.nextKeyValue()) {
                map(context.getCurrentKey(), context.getCurrentValue(), context);
            }
        } finally {
            cleanup(context);
        }
    }

    @Override
    protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
        recordsRead.increment(1);
        if (combinedSplitConf != null) {
            String path = combinedSplitConf.get(MRJobConfig.MAP_INPUT_FILE, "");
            if (!path.equals(currentPath)) {
                currentPath = path;
                inputFile = path.substring(path.lastIndexOf('/') + 1);
            }
        }
        Outcome<T> outcome = clean(line, inputFile, offset.get());
        if (outcome.rejected() != null) {
            rejects.write(outcome.rejected());
            return;
        }
        String key = dedupKey(outcome.record());
        if (published.contains(key)) {
            duplicatesDropped.increment(1);
            duplicatesOfPublished.increment(1);
            return;
        }
        context.write(setKey(outKey, key), outValue.set(outcome.record()));
    }

    /**
     * {@code key.set(s)} through the JDK's intrinsic UTF-8 encoder instead of {@code Text}'s per-call
     * {@code CharsetEncoder}: the same bytes, a lone surrogate becoming {@code '?'} in both.
     */
    static Text setKey(Text key, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        key.set(utf8, 0, utf8.length);
        return key;
    }

    @Override
    protected void cleanup(Context context) throws IOException, InterruptedException {
        rejects.close();
    }

    /** Either a clean record or the reason the line was rejected. */
    public record Outcome<T>(T record, RejectedLine rejected) {
    }

    /** The whole per-line decision, without Hadoop plumbing. */
    public Outcome<T> clean(Text line, String file, long offset) {
        boolean valid = RawLines.isValidUtf8(line);
        EnvelopeHead head = valid && fields != null ? envelopes.read(line.getBytes(), line.getLength(), fields) : null;
        RecordEnvelope envelope = valid && fields == null ? envelopes.read(line.getBytes(), line.getLength()) : null;
        String text = null;
        try {
            if (head != null) {
                return new Outcome<>(normalize(head, fields), null);
            }
            if (envelope == null) {
                // Whatever the streaming reader leaves open, the model's codec decides, with its reasons.
                RejectedLine[] rejected = new RejectedLine[1];
                text = RawLines.decode(line, file, offset, r -> rejected[0] = r);
                if (text == null) {
                    return new Outcome<>(null, rejected[0]);
                }
                envelope = codec.parse(text);
            }
            return new Outcome<>(normalize(envelope), null);
        } catch (MalformedRecordException e) {
            if (text == null) {
                text = new String(line.getBytes(), 0, line.getLength(), StandardCharsets.UTF_8);
            }
            return new Outcome<>(null, new RejectedLine(e.reason(), e.getMessage(), file, offset, text));
        }
    }

    /** The same decision through the model's codec alone: the reference the fast path is tested against. */
    Outcome<T> cleanWithCodec(Text line, String file, long offset) {
        RejectedLine[] rejected = new RejectedLine[1];
        String text = RawLines.decode(line, file, offset, r -> rejected[0] = r);
        if (text == null) {
            return new Outcome<>(null, rejected[0]);
        }
        try {
            return new Outcome<>(normalize(codec.parse(text)), null);
        } catch (MalformedRecordException e) {
            return new Outcome<>(null, new RejectedLine(e.reason(), e.getMessage(), file, offset, text));
        }
    }
}
