package org.picu.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configured;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.NullWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.Mapper;
import org.apache.hadoop.mapreduce.Reducer;
import org.apache.hadoop.mapreduce.lib.input.CombineTextInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.output.NullOutputFormat;
import org.apache.hadoop.util.Tool;

/**
 * {@code FrameworkFloor <raw dir>}: what the local job runner costs before any cleaning is done. It reads the
 * raw lines the way the cleaning jobs do (combined 128 MB splits), emits for every line a key and a value of
 * the sizes a cleaning job shuffles (by default clean-market's: a 28-byte key, the line's 64-bit hash in hex
 * and the bytes after the first 12, so keys repeat where lines do, and a 70-byte value copied from the line;
 * {@link #KEY_BYTES_KEY} and {@link #VALUE_BYTES_KEY} set other sizes), sorts and shuffles them, and lets the
 * reducers walk every value, writing nothing. No JSON is parsed and no Parquet is written: its time is the
 * floor under any cleaning job's time on the same input and settings. Run by {@link CleanBenchmark} with
 * {@code -Dbench.jobs=floor} (market corpus and sizes) or {@code -Dbench.jobs=floor-news} (news corpus,
 * clean-news' sizes). With {@link #TOKENIZE_KEY} the mapper also walks each line's JSON tokens with Jackson's
 * streaming parser, decoding no string (what any JSON input costs at the least): {@code -Dbench.jobs=floor-news-json}.
 */
public final class FrameworkFloor extends Configured implements Tool {
    /** Key bytes per record (at least 16: the hash in hex; the rest copied from the line). */
    static final String KEY_BYTES_KEY = "picu.bench.floor.key.bytes";
    /** Value bytes per record, copied from the line after the key's bytes (fewer when the line is shorter). */
    static final String VALUE_BYTES_KEY = "picu.bench.floor.value.bytes";
    /** Whether the mapper walks each line's JSON tokens first (the key and value stay the same). */
    static final String TOKENIZE_KEY = "picu.bench.floor.tokenize";
    static final int KEY_BYTES = 28;
    static final int VALUE_BYTES = 70;

    @Override
    public int run(String[] args) throws Exception {
        Job job = Job.getInstance(getConf(), "framework-floor");
        job.setJarByClass(FrameworkFloor.class);
        job.setInputFormatClass(CombineTextInputFormat.class);
        job.getConfiguration().setIfUnset(FileInputFormat.SPLIT_MAXSIZE, Long.toString(128L * 1024 * 1024));
        FileInputFormat.setInputPaths(job, new Path(args[0]));
        job.setMapperClass(CopyMapper.class);
        job.setReducerClass(WalkReducer.class);
        job.setMapOutputKeyClass(Text.class);
        job.setMapOutputValueClass(BytesWritable.class);
        job.setOutputFormatClass(NullOutputFormat.class);
        return job.waitForCompletion(false) ? 0 : 1;
    }

    /** Emits the line's hash and slices of the line as key and value. */
    public static final class CopyMapper extends Mapper<LongWritable, Text, Text, BytesWritable> {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final Text key = new Text();
        private final BytesWritable value = new BytesWritable();
        private final JsonFactory json = new JsonFactory();
        private byte[] keyBytes;
        private int valueBytes;
        private boolean tokenize;

        @Override
        protected void setup(Context context) {
            keyBytes = new byte[Math.max(16, context.getConfiguration().getInt(KEY_BYTES_KEY, KEY_BYTES))];
            valueBytes = context.getConfiguration().getInt(VALUE_BYTES_KEY, VALUE_BYTES);
            tokenize = context.getConfiguration().getBoolean(TOKENIZE_KEY, false);
        }

        @Override
        protected void map(LongWritable offset, Text line, Context context) throws IOException, InterruptedException {
            byte[] bytes = line.getBytes();
            int n = line.getLength();
            if (tokenize) {
                long tokens = 0;
                try (JsonParser p = json.createParser(bytes, 0, n)) {
                    while (p.nextToken() != null) {
                        tokens++;
                    }
                }
                context.getCounter("floor", "json tokens").increment(tokens);
            }
            long hash = 1125899906842597L;
            for (int i = 0; i < n; i++) {
                hash = 31 * hash + bytes[i];
            }
            for (int i = 0; i < 16; i++) {
                keyBytes[i] = HEX[(int) (hash >>> (60 - 4 * i)) & 0xF];
            }
            int tail = Math.min(keyBytes.length - 16, n);
            System.arraycopy(bytes, 0, keyBytes, 16, tail);
            key.set(keyBytes, 0, 16 + tail);
            value.set(bytes, tail, Math.max(0, Math.min(valueBytes, n - tail)));
            context.write(key, value);
        }
    }

    /** Reads every value and counts the bytes, so that the shuffle's values are really decoded. */
    public static final class WalkReducer extends Reducer<Text, BytesWritable, NullWritable, NullWritable> {
        @Override
        protected void reduce(Text key, Iterable<BytesWritable> values, Context context) {
            long bytes = 0;
            for (BytesWritable v : values) {
                bytes += v.getLength();
            }
            context.getCounter("floor", "value bytes").increment(bytes);
        }
    }
}
