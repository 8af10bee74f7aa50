package org.picu.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.picu.testkit.replay.ReplayServer;

/**
 * What {@code bench/worker-pi-budget.sh} points the worker at, in one JVM of its own (not measured): a real HDFS
 * (MiniDFSCluster: a NameNode and a DataNode answering on loopback RPC and data-transfer ports, so the worker loads
 * and uses the whole HDFS client) and the recorded sites of all five built-in sources. Writes
 * {@code <dir>/targets.properties} ({@code hdfs=hdfs://127.0.0.1:<port>}, one {@code <source>=<base url>} per
 * site) when everything answers, then runs until killed.
 *
 * <pre>java -cp &lt;worker-node test class path&gt; org.picu.worker.bench.BudgetTargets &lt;dir&gt;</pre>
 */
public final class BudgetTargets {
    private static final List<String> SITES = List.of("upbit", "fear_greed", "coinness", "saveticker", "perplexity");

    private BudgetTargets() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: BudgetTargets <dir>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("minidfs").toString());
        conf.set("hadoop.tmp.dir", dir.resolve("hadoop-tmp").toString());
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put("hdfs", "hdfs://127.0.0.1:" + dfs.getNameNodePort());
        for (String site : SITES) {
            targets.put(site, ReplayServer.start(site).baseUrl());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(dfs::shutdown));
        StringBuilder text = new StringBuilder();
        targets.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        Path tmp = dir.resolve("targets.properties.tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, dir.resolve("targets.properties"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("ready: " + targets);
        Thread.currentThread().join();
    }
}
