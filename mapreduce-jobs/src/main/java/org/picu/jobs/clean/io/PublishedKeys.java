package org.picu.jobs.clean.io;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.picu.model.layout.Dataset;
import org.picu.model.layout.HdfsLayout;
import org.picu.model.layout.PartitionDate;
import org.picu.model.layout.PartitionManifest;

/**
 * The dedup keys already published for the days before a run's date, so a record crawled again on a
 * later day is counted as a duplicate instead of being published twice.
 *
 * <p>The driver reads the key column of the previous partitions (only partitions with a manifest count
 * as published), writes them to one small file, and every mapper loads it and looks records up. Keys are
 * held as 128-bit fingerprints (the first 16 bytes of their SHA-256) in one sorted array: 16 bytes per
 * key, so a week of news (thousands of items a day) costs well under a megabyte of a Pi task's heap, and
 * two different keys sharing a fingerprint is not a practical concern.
 */
public final class PublishedKeys {
    private static final PublishedKeys EMPTY = new PublishedKeys(new long[0]);

    /** hi, lo pairs sorted by (hi, lo). */
    private final long[] fingerprints;

    private PublishedKeys(long[] fingerprints) {
        this.fingerprints = fingerprints;
    }

    public static PublishedKeys empty() {
        return EMPTY;
    }

    /** The keys given, in any order. */
    public static PublishedKeys of(Iterable<String> keys) {
        List<long[]> pairs = new ArrayList<>();
        for (String key : keys) {
            pairs.add(fingerprint(key));
        }
        pairs.sort(PublishedKeys::compare);
        long[] flat = new long[pairs.size() * 2];
        for (int i = 0; i < pairs.size(); i++) {
            flat[2 * i] = pairs.get(i)[0];
            flat[2 * i + 1] = pairs.get(i)[1];
        }
        return new PublishedKeys(flat);
    }

    public int size() {
        return fingerprints.length / 2;
    }

    public boolean contains(String key) {
        if (fingerprints.length == 0) {
            return false;
        }
        long[] f = fingerprint(key);
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Long.compare(fingerprints[2 * mid], f[0]);
            if (c == 0) {
                c = Long.compare(fingerprints[2 * mid + 1], f[1]);
            }
            if (c == 0) {
                return true;
            }
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return false;
    }

    private static int compare(long[] a, long[] b) {
        int c = Long.compare(a[0], b[0]);
        return c != 0 ? c : Long.compare(a[1], b[1]);
    }

    private static long[] fingerprint(String key) {
        ByteBuffer digest = ByteBuffer.wrap(SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8)));
        return new long[] {digest.getLong(), digest.getLong()};
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    });

    /**
     * The Parquet files of the published partitions of the {@code days} days before {@code date}; a day
     * without a published partition (no manifest) is skipped.
     */
    public static List<Path> previousPartitionFiles(FileSystem fs, HdfsLayout layout, Dataset dataset,
            PartitionDate date, int days) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int back = 1; back <= days; back++) {
            Path dir = new Path(layout.cleanedDir(dataset, new PartitionDate(date.day().minusDays(back))));
            Path manifestPath = new Path(dir, HdfsLayout.MANIFEST_NAME);
            if (!fs.exists(manifestPath)) {
                continue;
            }
            String json;
            try (var in = fs.open(manifestPath)) {
                json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (String name : PartitionManifest.fromJson(json).dataFiles()) {
                files.add(new Path(dir, name));
            }
        }
        return files;
    }

    /**
     * Reads the key of every row of {@code files}, projecting {@code projection} (a record schema holding
     * just the key fields) so that only those columns are decoded.
     */
    public static PublishedKeys read(Configuration conf, List<Path> files, Schema projection,
            Function<GenericRecord, String> keyOf) throws IOException {
        Configuration readConf = new Configuration(conf);
        AvroReadSupport.setRequestedProjection(readConf, projection);
        AvroReadSupport.setAvroReadSchema(readConf, projection);
        List<String> keys = new ArrayList<>();
        for (Path file : files) {
            try (ParquetReader<GenericRecord> reader = AvroParquetReader
                    .<GenericRecord>builder(HadoopInputFile.fromPath(file, readConf)).withConf(readConf).build()) {
                for (GenericRecord r = reader.read(); r != null; r = reader.read()) {
                    keys.add(keyOf.apply(r));
                }
            }
        }
        return of(keys);
    }

    /** Writes the set for the job's mappers. */
    public void writeTo(FileSystem fs, Path path) throws IOException {
        try (DataOutputStream out = fs.create(path, true)) {
            out.writeInt(size());
            for (long f : fingerprints) {
                out.writeLong(f);
            }
        }
    }

    /** Loads a set written by {@link #writeTo}; a job without previous partitions has no file. */
    public static PublishedKeys readFrom(FileSystem fs, Path path) throws IOException {
        try (DataInputStream in = fs.open(path)) {
            int n = in.readInt();
            long[] f = new long[2 * n];
            for (int i = 0; i < f.length; i++) {
                f[i] = in.readLong();
            }
            return new PublishedKeys(f);
        }
    }

    @Override
    public String toString() {
        return "PublishedKeys[" + size() + "]";
    }
}
