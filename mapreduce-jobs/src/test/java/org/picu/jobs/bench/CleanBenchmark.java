package org.picu.jobs.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.util.Tool;
import org.apache.hadoop.util.ToolRunner;
import org.picu.jobs.LocalHadoop;
import org.picu.jobs.clean.market.CleanMarketJob;
import org.picu.jobs.clean.news.CleanNewsJob;

/**
 * {@code CleanBenchmark <N> <work-dir> [generic options]}: generates N raw market ticks and N raw news
 * items (20 % duplicates) and runs {@code clean-market} and {@code clean-news} on the local job runner,
 * printing records/s and MB/s of raw input for each. Generic options (e.g.
 * {@code -D mapreduce.job.reduces=1}) are passed to both jobs, after the defaults of {@link #withDefaults}. Run by
 * {@code bench/mapreduce-clean.sh}; {@code -Dbench.jobs=clean-market} runs one of the two,
 * {@code -Dbench.jobs=clean-market,floor} adds {@link FrameworkFloor} on the market corpus with clean-market's
 * shuffle sizes, {@code floor-news} on the news corpus with clean-news' (see {@link #NEWS_KEY_BYTES}).
 */
public final class CleanBenchmark {
    private static final String DAY = "20261121";
    /**
     * clean-news' map output per record on the benchmark's corpus: 600 bytes ("Map output bytes" / records),
     * a 64-character id as the key and the rest the value, with their length prefixes.
     */
    static final int NEWS_KEY_BYTES = 64;
    static final int NEWS_VALUE_BYTES = 533;

    private CleanBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: CleanBenchmark <records> <work-dir> [generic options]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[0]);
        Path root = Paths.get(args[1]).toAbsolutePath();
        String[] generic = withDefaults(Arrays.copyOfRange(args, 2, args.length));
        if (Files.exists(root)) {
            try (var walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        // -Dbench.jobs=clean-market runs one job only (e.g. to compare two builds of it).
        Set<String> jobs = Set.of(System.getProperty("bench.jobs", "clean-market,clean-news").split(","));
        Configuration conf = LocalHadoop.conf(root);
        conf.set("hadoop.tmp.dir", root.resolve("hadoop-tmp").toString());
        Path marketRaw = root.resolve("raw/upbit/" + DAY);
        long marketBytes =
                jobs.contains("clean-market") || jobs.contains("floor") ? RawCorpusGenerator.market(marketRaw, n) : 0;
        if (jobs.contains("clean-market")) {
            report("clean-market", n, marketBytes, time(conf, new CleanMarketJob(), generic));
        }
        if (jobs.contains("floor")) {
            // The framework alone on the market corpus (see FrameworkFloor): the floor under clean-market's time.
            report("floor", n, marketBytes, time(conf, new FrameworkFloor(), generic, marketRaw.toString()));
        }
        Path newsRaw = root.resolve("raw/coinness/" + DAY);
        long newsBytes = jobs.stream().anyMatch(j -> j.contains("news")) ? RawCorpusGenerator.news(newsRaw, n) : 0;
        if (jobs.contains("clean-news")) {
            report("clean-news", n, newsBytes, time(conf, new CleanNewsJob(), generic));
        }
        for (String floor : new String[] {"floor-news", "floor-news-json"}) {
            if (jobs.contains(floor)) {
                Configuration sized = new Configuration(conf);
                sized.setInt(FrameworkFloor.KEY_BYTES_KEY, NEWS_KEY_BYTES);
                sized.setInt(FrameworkFloor.VALUE_BYTES_KEY, NEWS_VALUE_BYTES);
                sized.setBoolean(FrameworkFloor.TOKENIZE_KEY, floor.endsWith("-json"));
                report(floor, n, newsBytes, time(sized, new FrameworkFloor(), generic, newsRaw.toString()));
            }
        }
    }

    /**
     * The settings the benchmark runs with unless the command line sets them (a later {@code -D} wins):
     * both cores busy in the map phase (two map slots) and in the reduce phase (two reducers, run at once).
     * Each reducer sizes its in-memory shuffle as a share of the JVM's heap (70 % by default), as if it had a
     * JVM of its own; here the two share one heap, so each gets half of that share (at N = 5M clean-news ran out
     * of heap with the default). Two reducers publish two Parquet files with the same records as one would;
     * which file holds a key is fixed by the key's hash, so a re-run publishes the same files.
     */
    private static String[] withDefaults(String[] given) {
        String[] defaults = {"-D", "mapreduce.local.map.tasks.maximum=2", "-D", "mapreduce.job.reduces=2",
            "-D", "mapreduce.local.reduce.tasks.maximum=2", "-D", "mapreduce.reduce.shuffle.input.buffer.percent=0.35"};
        String[] all = Arrays.copyOf(defaults, defaults.length + given.length);
        System.arraycopy(given, 0, all, defaults.length, given.length);
        return all;
    }

    /** Wall-clock and CPU time of one run; the local job runner runs in this process, so its CPU time is the job's. */
    private record Timing(long wallNanos, long cpuNanos) {
    }

    private static Timing time(Configuration conf, Tool job, String[] generic) throws Exception {
        return time(conf, job, generic, DAY);
    }

    private static Timing time(Configuration conf, Tool job, String[] generic, String arg) throws Exception {
        String[] args = Arrays.copyOf(generic, generic.length + 1);
        args[generic.length] = arg;
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        // Clock times on stderr, to line the run up with the log (BENCH_LOG4J in bench/mapreduce-clean.sh).
        System.err.println(LocalTime.now() + " BENCH " + job.getClass().getSimpleName() + " starts");
        int code = ToolRunner.run(new Configuration(conf), job, args);
        System.err.println(LocalTime.now() + " BENCH " + job.getClass().getSimpleName() + " returned");
        Timing t = new Timing(System.nanoTime() - start, processCpuNanos() - cpuStart);
        if (code != 0) {
            throw new IllegalStateException("job exited " + code);
        }
        return t;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU time is printed too: on a shared machine it says what the job costs when wall-clock time is noisy. */
    private static void report(String job, int n, long bytes, Timing t) {
        double seconds = t.wallNanos() / 1e9;
        double cpu = t.cpuNanos() / 1e9;
        System.out.printf("BENCH %-13s records=%d input=%.1f MB wall=%.1f s cpu=%.1f s -> %.0f records/s, %.1f MB/s"
                + " (%.0f records per CPU-second)%n", job, n, bytes / 1e6, seconds, cpu, n / seconds,
                bytes / 1e6 / seconds, n / cpu);
    }
}
