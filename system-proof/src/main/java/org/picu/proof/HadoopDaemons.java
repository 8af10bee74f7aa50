package org.picu.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.apache.hadoop.hdfs.protocol.HdfsConstants;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.picu.master.hadoopconf.HadoopConf;
import org.picu.master.hadoopconf.TemplateException;

/**
 * NameNode, DataNode, ResourceManager and NodeManager as four JVMs of their own, configured by the site files
 * {@code picu-master render-conf --profile pseudo-distributed} writes, with the {@link #substitutions} printed at
 * start (and written to {@code <work>/hadoop-substitutions.txt}): every port a free one picked now, every
 * directory below the proof's work directory, the build's class path for the containers, and a few named timing
 * and JVM overrides. Nothing else is added to or changed in the rendered files.
 */
final class HadoopDaemons {
    private static final List<String> PORT_VARIABLES = List.of("namenode_rpc_port", "namenode_http_port",
            "rm_port", "rm_scheduler_port", "rm_tracker_port", "rm_admin_port", "rm_webapp_port", "datanode_port",
            "datanode_http_port", "datanode_ipc_port", "nm_port", "nm_localizer_port", "nm_webapp_port", "shuffle_port",
            "secondary_http_port", "jobhistory_port", "jobhistory_webapp_port");
    private static final String OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED";
    static final String PROFILE = "pseudo-distributed";

    private final Path confDir;
    private final Map<String, String> values;
    final ChildJvm nameNode;
    final ChildJvm dataNode;
    final ChildJvm resourceManager;
    final ChildJvm nodeManager;

    private HadoopDaemons(Path confDir, Map<String, String> values, ChildJvm nameNode, ChildJvm dataNode,
                          ChildJvm resourceManager, ChildJvm nodeManager) {
        this.confDir = confDir;
        this.values = values;
        this.nameNode = nameNode;
        this.dataNode = dataNode;
        this.resourceManager = resourceManager;
        this.nodeManager = nodeManager;
    }

    /** Renders the configuration into {@code <work>/conf/hadoop} and formats the NameNode; starts nothing yet. */
    static HadoopDaemons prepare(Path work, ProofClasspath classpath) throws IOException {
        Path hadoop = work.resolve("hadoop");
        Files.createDirectories(hadoop.resolve("tmp")); // the daemons' java.io.tmpdir (Jetty's scratch space)
        Path confDir = Files.createDirectories(work.resolve("conf/hadoop"));
        Map<String, String> substitutions = substitutions(hadoop, work.resolve("logs"), confDir, classpath);
        Map<String, String> values;
        try {
            values = new LinkedHashMap<>(HadoopConf.profile(PROFILE));
            values.putAll(substitutions);
            HadoopConf.renderTo(PROFILE, substitutions, confDir);
        } catch (TemplateException e) {
            throw new ProofException("cannot render the " + PROFILE + " profile: " + e.getMessage(), e);
        }
        String listed = describe(substitutions);
        Files.writeString(work.resolve("hadoop-substitutions.txt"), listed);
        System.out.print(listed);
        Files.writeString(confDir.resolve("log4j.properties"), """
            log4j.rootLogger=INFO, stderr
            log4j.appender.stderr=org.apache.log4j.ConsoleAppender
            log4j.appender.stderr.Target=System.err
            log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
            log4j.appender.stderr.layout.ConversionPattern=%d{ISO8601} %-5p %c{1}: %m%n
            log4j.logger.org.apache.hadoop=WARN
            log4j.logger.org.apache.hadoop.hdfs.server.namenode.NameNode=INFO
            log4j.logger.org.apache.hadoop.yarn.server.resourcemanager.ResourceManager=INFO
            log4j.logger.org.apache.parquet=WARN
            log4j.logger.org.eclipse.jetty=WARN
            log4j.logger.com.zaxxer.hikari=WARN
            log4j.logger.org.flywaydb=WARN
            """);
        // NameNode and DataNode look for their web apps on the class path; empty ones do (the UIs are not needed)
        Path webroot = work.resolve("hadoop/webroot");
        for (String app : List.of("hdfs", "datanode", "secondary")) {
            Files.createDirectories(webroot.resolve("webapps").resolve(app));
        }
        String cp = confDir + ":" + webroot + ":" + classpath.joined();
        Path logs = work.resolve("logs");
        Map<String, String> env = Map.of("JAVA_HOME", System.getProperty("java.home"));
        ChildJvm format = daemon("namenode-format", cp, "org.apache.hadoop.hdfs.server.namenode.NameNode",
                List.of("-format", "-nonInteractive"), 256, confDir, logs, env, work);
        format.start();
        if (format.awaitExit(Duration.ofMinutes(3)).orElse(-1) != 0) {
            throw new ProofException("formatting the NameNode failed; see " + format.log());
        }
        return new HadoopDaemons(
                confDir,
                values,
                daemon(
                        "namenode",
                        cp,
                        "org.apache.hadoop.hdfs.server.namenode.NameNode",
                        List.of(),
                        384,
                        confDir,
                        logs,
                        env,
                        work),
                daemon(
                        "datanode",
                        cp,
                        "org.apache.hadoop.hdfs.server.datanode.DataNode",
                        List.of(),
                        256,
                        confDir,
                        logs,
                        env,
                        work),
                daemon(
                        "resourcemanager",
                        cp,
                        "org.apache.hadoop.yarn.server.resourcemanager.ResourceManager",
                        List.of(),
                        384,
                        confDir,
                        logs,
                        env,
                        work),
                daemon(
                        "nodemanager",
                        cp,
                        "org.apache.hadoop.yarn.server.nodemanager.NodeManager",
                        List.of(),
                        256,
                        confDir,
                        logs,
                        env,
                        work));
    }

    /**
     * The JVMs of the daemons and of every YARN container live minutes: the C2 compiler would only burn the two cores.
     */
    static final String SHORT_LIVED_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private static final List<String> CONTAINER_OPTS = List.of("map_java_opts", "reduce_java_opts", "am_java_opts");

    /**
     * The profile's variables the proof replaces, in the order they are printed. Ports and directories are this
     * run's own; the class path is the build's (no Hadoop tarball). The named overrides, each a variable of the
     * profile with Hadoop's default there: NodeManagers heartbeat every 200 ms instead of 1 s (containers are handed
     * out on heartbeats, and a cycle runs 21 jobs), a NodeManager silent for 20 s is lost instead of after 10 min (the
     * proof kills one), clients give up on a stopped daemon after 3 tries 0.5 s apart instead of 10 tries 1 s apart
     * (the proof stops the NameNode), and the task and application-master JVMs run without the C2 compiler (heaps
     * stay the profile's).
     */
    static Map<String, String> substitutions(Path hadoop, Path logs, Path confDir, ProofClasspath classpath) {
        Map<String, String> profile;
        try {
            profile = HadoopConf.profile(PROFILE);
        } catch (TemplateException e) {
            throw new ProofException("cannot read the " + PROFILE + " profile: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (String port : PORT_VARIABLES) {
            values.put(port, Integer.toString(freePort(taken)));
        }
        values.put("hadoop_tmp_dir", hadoop.resolve("tmp").toString());
        values.put("namenode_dir", hadoop.resolve("namenode").toUri().toString());
        values.put("checkpoint_dir", hadoop.resolve("namesecondary").toUri().toString());
        values.put("datanode_dir", hadoop.resolve("datanode").toUri().toString());
        values.put("nm_local_dirs", hadoop.resolve("yarn/local").toString());
        values.put("nm_log_dirs", hadoop.resolve("yarn/logs").toString());
        values.put("hadoop_log_dir", logs.toString());
        values.put("java_home", System.getProperty("java.home"));
        // YARN containers get the conf dir and the build's Hadoop jars, as the daemons do: no tarball anywhere
        values.put("mapreduce_application_classpath", confDir + "," + String.join(",", classpath.entries()));
        values.putAll(TIMING);
        for (String opts : CONTAINER_OPTS) {
            values.put(opts, profile.get(opts) + " " + SHORT_LIVED_JVM);
        }
        return values;
    }

    /** The named timing overrides (see {@link #substitutions}). */
    static final Map<String, String> TIMING =
            java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(Map.of(
                    "nm_heartbeat_interval_ms", "200",
                    "nm_liveness_expiry_ms", "20000",
                    "ipc_connect_max_retries", "3",
                    "ipc_connect_retry_interval_ms", "500")));

    /** The substitutions by kind, and the render-conf command that writes the same site files. */
    static String describe(Map<String, String> substitutions) {
        StringBuilder text = new StringBuilder("Hadoop site files: picu-master render-conf --profile " + PROFILE
                + " with these substitutions (nothing else differs):\n");
        for (String kind : List.of("port", "directory", "class path", "timing", "JVM flags")) {
            substitutions.forEach((name, value) -> {
                if (kindOf(name).equals(kind)) {
                    text.append("  ")
                            .append(kind)
                            .append(": ")
                            .append(name)
                            .append('=')
                            .append(
                                    name.equals("mapreduce_application_classpath")
                                            ? "<conf dir>,<build class path>"
                                            : value)
                            .append('\n');
                }
            });
        }
        return text.toString();
    }

    static String kindOf(String name) {
        if (PORT_VARIABLES.contains(name)) {
            return "port";
        } else if (TIMING.containsKey(name)) {
            return "timing";
        } else if (CONTAINER_OPTS.contains(name)) {
            return "JVM flags";
        } else if (name.equals("mapreduce_application_classpath")) {
            return "class path";
        } else if (name.endsWith("_dir") || name.endsWith("_dirs") || name.equals("java_home")) {
            return "directory";
        }
        throw new IllegalArgumentException("no kind for substitution " + name);
    }

    private static ChildJvm daemon(
            String name,
            String cp,
            String mainClass,
            List<String> args,
            int heapMb,
            Path confDir,
            Path logs,
            Map<String, String> env,
            Path work) {
        List<String> opts = new ArrayList<>(List.of(
                "-Xmx" + heapMb + "m",
                OPENS,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dlog4j.configuration=" + confDir.resolve("log4j.properties").toUri(),
                "-Dhadoop.log.dir=" + logs,
                "-Djava.io.tmpdir=" + work.resolve("hadoop/tmp"),
                "-Djava.net.preferIPv4Stack=true"));
        return new ChildJvm(name, cp, opts, mainClass, args, env, logs);
    }

    Path confDir() {
        return confDir;
    }

    URI fileSystemUri() {
        return URI.create("hdfs://" + values.get("namenode_host") + ":" + values.get("namenode_rpc_port"));
    }

    /** A client configuration for the harness's own checks. */
    Configuration clientConf() {
        Configuration conf = new Configuration();
        for (String file : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml")) {
            conf.addResource(new org.apache.hadoop.fs.Path(confDir.resolve(file).toString()));
        }
        return conf;
    }

    void startAll() {
        nameNode.start();
        dataNode.start();
        resourceManager.start();
        nodeManager.start();
    }

    /** HDFS answers, has left safe mode and has a live DataNode. */
    boolean hdfsReady() {
        return hdfsReadySince(0);
    }

    /** Like {@link #hdfsReady()}, with a DataNode heartbeat at or after the given time (a restarted DataNode's). */
    boolean hdfsReadySince(long epochMillis) {
        Configuration conf = clientConf();
        try (FileSystem fs = FileSystem.newInstance(fileSystemUri(), conf)) {
            DistributedFileSystem dfs = (DistributedFileSystem) fs;
            if (dfs.setSafeMode(HdfsConstants.SafeModeAction.SAFEMODE_GET)) {
                return false;
            }
            for (org.apache.hadoop.hdfs.protocol.DatanodeInfo node :
                    dfs.getDataNodeStats(HdfsConstants.DatanodeReportType.LIVE)) {
                if (node.getLastUpdate() >= epochMillis) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The ResourceManager answers and has a running NodeManager. */
    boolean yarnReady() {
        try (YarnClient yarn = YarnClient.createYarnClient()) {
            yarn.init(clientConf());
            yarn.start();
            return !yarn.getNodeReports(NodeState.RUNNING).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    List<ChildJvm> all() {
        return List.of(nameNode, dataNode, resourceManager, nodeManager);
    }

    private static int freePort(Set<Integer> taken) {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                int port = socket.getLocalPort();
                if (taken.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
    }

    static int freePort() {
        return freePort(new HashSet<>());
    }
}
