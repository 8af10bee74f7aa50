package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.PrivilegedExceptionAction;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.picu.proof.HadoopDaemons;
import org.picu.proof.ProofClasspath;

/**
 * A real converge run of site.yml into three throwaway Debian 12 roots (debootstrap), reached through
 * Ansible's community.general.chroot connection: the master (common + hadoop + master), one worker (common +
 * hadoop + worker) and the tier-2 server (common + tier2). Without a running systemd the roles write units,
 * timers and cron entries but start nothing ({@code picu_systemd=false}); what they would start runs here instead:
 * a real HDFS with permissions on (a NameNode and a DataNode as JVMs of their own from the build's class path,
 * started by the system proof's {@link HadoopDaemons} with the site files of {@code render-conf --profile
 * pseudo-distributed}, running as the HDFS superuser {@code hadoop} and reached at the master's address), against
 * which the master role's {@code picu-master hdfs-init} creates PICU's tree as {@code picu}; MariaDB inside the
 * tier-2 root, so the database and user tasks run for real; and at the end the tier-2 API unit's own command inside
 * the tier-2 root, with the rendered config and the provisioned token. The Hadoop archive is a small stand-in with
 * the release's layout, fed from a local path (the real one is 700 MB and needs the internet). A second run must
 * change nothing.
 *
 * <p>Time: the roots are unpacked and the HDFS daemons started while the dry run goes on; runs 1 and 2 converge the
 * three roots as three concurrent {@code ansible-playbook --limit <host>} runs (site.yml's plays run one host group
 * after another, so one run would converge the roots one after the other); the second run covers the database tasks
 * too (MariaDB is started after run 1).
 */
@EnabledIfSystemProperty(named = "picu.ops.converge", matches = "true")
class ConvergeIT {
    private static final Repo REPO = Repo.locate();
    private static final Path WORK = REPO.target().resolve("converge");
    private static final Path WORKER = WORK.resolve("roots/worker");
    private static final Path TIER2 = WORK.resolve("roots/tier2");
    private static final Path MASTER = WORK.resolve("roots/master");
    /** The master's address in the test inventory: a loopback address, where the test's NameNode is reached. */
    private static final String MASTER_ADDRESS = "127.0.0.2";
    /** The user the hadoop role runs the daemons as: the HDFS superuser. */
    private static final String HDFS_SUPERUSER = "hadoop";
    private static final String HOSTS = "picu-master,picu-worker1,picu-tier2";
    private static final Path SCRIPTS = REPO.ansible.resolve("src/test/scripts");
    private static final String VERSION = System.getProperty("picu.version", "0.1.0-SNAPSHOT");
    private static final Ansible ANSIBLE = new Ansible(REPO);

    private static final Map<String, Set<String>> BASE_PACKAGES = new LinkedHashMap<>();
    private static final Map<String, int[]> SECOND_RUN = new LinkedHashMap<>();
    private static final Map<String, int[]> DRY_RUN = new LinkedHashMap<>();
    private static List<String> workersAfterRun2;
    private static String addedWorkerRun;
    private static String password;
    private static String token;
    private static String rotatedPassword;
    private static String rotatedToken;
    private static String rotationRun;
    private static String databases;
    private static String users;
    private static HadoopDaemons hdfs;
    private static int nameNodePort;
    private static int apiPort;
    private static int dbPort;
    private static String run1;
    private static final Map<String, Integer> API_STATUS = new LinkedHashMap<>();
    private static String generated;

    @BeforeAll
    static void converge() throws Exception {
        assertTrue(Tools.isRoot(), "the converge test needs root (debootstrap, chroot); run it as root or with"
                + " -Dpicu.ops.converge=false");
        Tools.ensure(REPO, WORK, "ansible", "debootstrap");
        Path cache =
                Path.of(System.getProperty("picu.ops.cache", System.getProperty("user.home") + "/.cache/picu-ops"));
        long began = System.nanoTime();
        // the NameNode is formatted while the roots are unpacked (both mostly wait for the disk)
        CompletableFuture<HadoopDaemons> prepared = CompletableFuture.supplyAsync(ConvergeIT::prepareHdfs);
        List<CompletableFuture<Void>> roots = new java.util.ArrayList<>();
        for (Path root : List.of(MASTER, WORKER, TIER2)) {
            roots.add(CompletableFuture.runAsync(() -> baseRoot(cache, root)));
        }
        roots.forEach(CompletableFuture::join);
        hdfs = prepared.join();
        nameNodePort = hdfs.fileSystemUri().getPort();
        hdfs.startHdfs();
        // the dry run needs no HDFS (hdfs-init is a command: skipped in check mode); run 1 waits for it
        CompletableFuture<Void> hdfsUp = CompletableFuture.runAsync(ConvergeIT::awaitHdfs);
        step("roots unpacked, NameNode formatted", began);
        apiPort = freePort();
        dbPort = freePort();
        Path archive = standInHadoopArchive();
        Path artifacts = artifactsTree();
        password = "test-only-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        token = "token-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        rotatedPassword = "test-only-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        rotatedToken = "token-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Files.writeString(WORK.resolve("inventory.yml"), inventory());
        Files.writeString(WORK.resolve("vars.yml"), String.join("\n",
                "picu_systemd: false",
                "picu_ssh_require_operator_key: false",
                "ansible_chroot_exe: " + SCRIPTS.resolve("chroot-proc.sh"),
                "hadoop_archive_local_path: " + archive,
                "hadoop_archive_sha512: " + sha512(archive),
                "picu_artifacts_dir: " + artifacts,
                "picu_artifacts_staging: " + WORK.resolve("artifact-tars"),
                "picu_db_password: " + password,
                "picu_api_token: " + token, ""));

        String[] site = {"-i", WORK.resolve("inventory.yml").toString(), "-e", "@" + WORK.resolve("vars.yml"),
            "--limit", HOSTS, "-e", "tier2_manage_database=false"};
        // the documented dry run, on the fresh roots: it must pass although nothing is installed or downloaded yet
        List<String> check = new java.util.ArrayList<>(List.of(site));
        check.addAll(List.of("--check", "--diff"));
        DRY_RUN.putAll(Ansible.recap(timed("dry run", ANSIBLE.playbook("site.yml", check.toArray(String[]::new))
                .timeout(Duration.ofMinutes(15))
                .runOk(WORK.resolve("run-0-check.log")))
                .output()));
        long waited = System.nanoTime();
        hdfsUp.join();
        step("HDFS ready (waited after the dry run)", waited);
        run1 = convergeEachRoot("run 1", "run-1", Duration.ofMinutes(30), site);
        saveDebs(cache);

        Process mariadb = startMariaDb();
        try {
            String[] db = {"-i", WORK.resolve("inventory.yml").toString(), "-e", "@" + WORK.resolve("vars.yml"),
                "--limit", "picu-tier2", "--tags", "tier2-db", "-e", "tier2_manage_database=true"};
            timed("database run", ANSIBLE.playbook("site.yml", db).runOk(WORK.resolve("run-db-1.log")));
            // the second run, with the database tasks (MariaDB runs now): nothing changes anywhere
            String[] again = site.clone();
            again[again.length - 1] = "tier2_manage_database=true";
            SECOND_RUN.putAll(Ansible.recap(convergeEachRoot("run 2", "run-2", Duration.ofMinutes(15), again)));
            convergedWithMariaDb();
        } finally {
            mariadb.destroy();
            mariadb.waitFor();
        }
        step("ConvergeIT set-up", began);
    }

    /**
     * After run 2, with MariaDB running in the tier-2 root: a worker added to the inventory (on the worker root) and,
     * at the same time, the database checks, the secret rotation and the API calls (on the tier-2 root).
     */
    private static void convergedWithMariaDb() throws Exception {
        workersAfterRun2 = Files.readAllLines(WORKER.resolve("etc/hadoop/conf/workers"));
        // adding a worker to the converged inventory: only what names the workers changes, nothing restarts
        Files.writeString(
                WORK.resolve("inventory-added.yml"),
                inventory()
                        .replace(
                                "        picu-worker2: {picu_address: 10.99.0.12}\n",
                                "        picu-worker2: {picu_address: 10.99.0.12}\n"
                                        + "        picu-worker3: {picu_address: 10.99.0.13}\n"));
        CompletableFuture<String> added = CompletableFuture.supplyAsync(() -> timed("added worker",
                ANSIBLE.playbook("site.yml", "-i", WORK.resolve("inventory-added.yml").toString(),
                                "-e", "@" + WORK.resolve("vars.yml"), "--limit", "picu-worker1",
                                "--tags", "common,hadoop")
                        .timeout(Duration.ofMinutes(10))
                        .runOk(WORK.resolve("run-added-worker.log")))
                .output());
        databases = inRoot(TIER2, "query-databases", "mariadb", "-N", "-e", "SHOW DATABASES");
        users = inRoot(TIER2, "query-users", "mariadb", "-N", "-e",
                "SELECT CONCAT(user,'@',host) FROM mysql.user; SHOW GRANTS FOR 'picu'@'localhost'");
        // the documented rotation (docs/operations.md): new secrets from the vault, the tier2 role run once
        Files.writeString(WORK.resolve("rotated.yml"), "picu_db_password: " + rotatedPassword + "\npicu_api_token: "
                + rotatedToken + "\n");
        rotationRun = timed("secret rotation", ANSIBLE.playbook("site.yml",
                        "-i", WORK.resolve("inventory.yml").toString(),
                        "-e", "@" + WORK.resolve("vars.yml"), "-e", "@" + WORK.resolve("rotated.yml"),
                        "--limit", "picu-tier2", "--tags", "tier2", "-e", "tier2_manage_database=true")
                .runOk(WORK.resolve("run-rotate.log")))
                .output();
        long api = System.nanoTime();
        callTheConvergedApi();
        step("converged API called", api);
        addedWorkerRun = added.join();
    }

    /**
     * site.yml converged into each root by its own {@code ansible-playbook --limit <host>}, the three at once; the
     * outputs, host by host, are written to {@code <log>.log} (each also to {@code <log>-<host>.log}) and returned.
     */
    private static String convergeEachRoot(String name, String log, Duration timeout, String[] args) {
        long began = System.nanoTime();
        Map<String, CompletableFuture<String>> runs = new LinkedHashMap<>();
        for (String host : HOSTS.split(",")) {
            List<String> argv = new java.util.ArrayList<>(List.of(args));
            argv.set(argv.indexOf("--limit") + 1, host);
            runs.put(host, CompletableFuture.supplyAsync(() -> ANSIBLE.playbook("site.yml", argv.toArray(String[]::new))
                    .timeout(timeout)
                    .runOk(WORK.resolve(log + "-" + host + ".log"))
                    .output()));
        }
        StringBuilder all = new StringBuilder();
        runs.forEach((host, run) -> all.append(run.join()));
        try {
            Files.writeString(WORK.resolve(log + ".log"), all);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        step(name + " (three roots at once)", began);
        return all.toString();
    }

    private static Command.Result timed(String name, Command.Result result) {
        System.out.printf("ConvergeIT: %s took %d s%n", name, result.took().toSeconds());
        return result;
    }

    private static void step(String name, long startedNanos) {
        System.out.printf("ConvergeIT: %s took %d s%n", name, Duration.ofNanos(System.nanoTime() - startedNanos)
                .toSeconds());
    }

    private static void baseRoot(Path cache, Path root) {
        Command.of(SCRIPTS.resolve("base-root.sh").toString(), cache.toString(), root.toString())
                .timeout(Duration.ofMinutes(20)).runOk(WORK.resolve("base-" + root.getFileName() + ".log"));
        // what Debian's installer and Raspberry Pi OS write: the host's own name on loopback
        try {
            Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + root.getFileName() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> packages = manualPackages(root);
        synchronized (BASE_PACKAGES) {
            BASE_PACKAGES.put(root.getFileName().toString(), packages);
        }
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.stopAll();
        }
    }

    @Test
    void the_dry_run_passes_on_fresh_roots() {
        assertEquals(Set.of("picu-master", "picu-worker1", "picu-tier2"), DRY_RUN.keySet());
        DRY_RUN.forEach((host, counts) ->
                assertEquals(0, counts[3], host + ": failed tasks in --check --diff; see run-0-check.log"));
    }

    @Test
    void second_run_changes_nothing() throws IOException {
        assertEquals(Set.of("picu-master", "picu-worker1", "picu-tier2"), SECOND_RUN.keySet());
        SECOND_RUN.forEach((host, counts) -> {
            assertEquals(0, counts[1], host + ": changed tasks in the second run; see target/converge/run-2.log");
            assertEquals(0, counts[3], host + ": failed tasks");
        });
        String run2 = Files.readString(WORK.resolve("run-2.log"));
        for (String task : List.of("Create the database", "Create the database user (password from the vault or an"
                + " extra var)")) {
            assertTrue(ranUnchanged(run2, "tier2 : " + task), "run 2 ran the database task '" + task + "' unchanged");
        }
    }

    @Test
    void adding_a_worker_rewrites_names_and_restarts_nothing_on_a_running_worker() throws IOException {
        Path conf = WORKER.resolve("etc/hadoop/conf");
        assertEquals(
                List.of("picu-worker1", "picu-worker2", "picu-worker3"), Files.readAllLines(conf.resolve("workers")));
        assertTrue(Files.readString(WORKER.resolve("etc/hosts")).contains("10.99.0.13 picu-worker3"));
        String run = addedWorkerRun;
        assertTrue(changed(run, "Render the workers file (no restart)"), run);
        assertTrue(changed(run, "Write every cluster node into /etc/hosts"), run);
        assertFalse(
                changed(run, "Render the site files from conf/hadoop/templates"),
                "no daemon reads a changed file:\n" + run);
        // a notified handler is listed as RUNNING HANDLER even where systemd is absent and it skips
        assertFalse(run.contains("RUNNING HANDLER"), "no handler (restart) runs:\n" + run);
        assertEquals(2, Ansible.recap(run).get("picu-worker1")[1], "changed: the workers file and /etc/hosts only");
    }

    /** Whether the task of that name reported a change in an ansible-playbook output. */
    private static boolean changed(String output, String task) {
        int at = output.indexOf(task + "]");
        if (at < 0) {
            return false;
        }
        int next = output.indexOf("TASK [", at);
        String block = output.substring(at, next < 0 ? output.length() : next);
        return block.contains("changed: [");
    }

    @Test
    void master_role_installs_the_orchestrator_and_creates_picus_hdfs_tree_once() throws Exception {
        Path lib = MASTER.resolve("opt/picu/lib");
        assertTrue(
                Files.isRegularFile(lib.resolve("master-node-" + VERSION + ".jar")), "the orchestrator's class path");
        Path jobJar = MASTER.resolve("opt/picu/jobs/mapreduce-jobs-" + VERSION + ".jar");
        assertTrue(
                Arrays.equals(
                        Files.readAllBytes(
                                REPO.root.resolve("mapreduce-jobs/target/dist/mapreduce-jobs-" + VERSION + ".jar")),
                        Files.readAllBytes(jobJar)),
                "the job jar, apart from the orchestrator's class path");
        String config = Files.readString(MASTER.resolve("etc/picu/master.yml"));
        assertTrue(
                config.contains("  id: picu-master")
                        && config.contains("  jar: /opt/picu/jobs/mapreduce-jobs-" + VERSION + ".jar"),
                config);
        Path units = MASTER.resolve("etc/systemd/system");
        for (String unit : List.of("picu-master.service", "picu-master-health.service", "picu-master-health.timer",
                "hadoop-namenode.service", "hadoop-resourcemanager.service", "hadoop-secondarynamenode.service",
                "hadoop-historyserver.service")) {
            assertTrue(Files.isRegularFile(units.resolve(unit)), unit);
        }
        assertFalse(Files.exists(units.resolve("hadoop-datanode.service")), "no DataNode on the master");
        assertTrue(Files.readString(MASTER.resolve("etc/hadoop/conf/core-site.xml"))
                .contains("hdfs://picu-master:" + nameNodePort));
        assertLauncher(MASTER, "picu-master");

        // run 1 created the tree through the installed command, run 2 found it complete
        assertTrue(
                changed(
                        run1,
                        "Create or fix /raw, /cleaned, /staging, /locks, /heartbeats, /ledger, /user/picu and /tmp in"
                                + " HDFS"),
                "hdfs-init changed something in run 1:\n" + run1);
        String run2 = Files.readString(WORK.resolve("run-2.log"));
        assertTrue(
                run2.contains("Create or fix /raw")
                        && !changed(
                                run2,
                                "Create or fix /raw, /cleaned, /staging, /locks,"
                                        + " /heartbeats, /ledger, /user/picu and /tmp in HDFS"),
                "hdfs-init ran and changed nothing in run 2");
        try (FileSystem fs = FileSystem.newInstance(hdfs.fileSystemUri(), hdfs.clientConf())) {
            for (String dir :
                    List.of("/raw", "/cleaned", "/staging", "/locks", "/heartbeats", "/ledger", "/user/picu")) {
                FileStatus status = fs.getFileStatus(new org.apache.hadoop.fs.Path(dir));
                assertEquals("picu", status.getOwner(), dir);
                assertEquals("picu", status.getGroup(), dir);
            }
            assertEquals(HDFS_SUPERUSER, fs.getFileStatus(new org.apache.hadoop.fs.Path("/")).getOwner(),
                    "/ stays the superuser's");
            assertEquals(01777, fs.getFileStatus(new org.apache.hadoop.fs.Path("/tmp")).getPermission().toShort());
        }
    }

    @Test
    void the_converged_tier2_api_generates_insights_with_the_rotated_token_and_password_only() {
        assertEquals(200, API_STATUS.get("with token"), generated);
        assertTrue(generated.contains("\"status\":\"success\"") && generated.contains("\"generated\""), generated);
        assertEquals(401, API_STATUS.get("without token"));
        assertEquals(401, API_STATUS.get("with the token before the rotation"));
        assertTrue(
                changed(
                        rotationRun,
                        "Write the database password and the API token into the units' environment file (root only)"),
                rotationRun);
    }

    @Test
    void each_root_got_exactly_the_packages_of_its_manifest() {
        for (Map.Entry<String, Path> node : Map.of("master", MASTER, "worker", WORKER, "tier2", TIER2).entrySet()) {
            Set<String> added = new TreeSet<>(manualPackages(node.getValue()));
            added.removeAll(BASE_PACKAGES.get(node.getKey()));
            Set<String> expected = new TreeSet<>(REPO.allPackages(node.getKey()));
            expected.removeAll(BASE_PACKAGES.get(node.getKey()));
            assertEquals(expected, added, node.getKey() + ": packages installed by Ansible vs requirements/"
                    + node.getKey() + ".yml (minus what the base root already had)");
        }
    }

    @Test
    void common_role_sets_up_users_hosts_time_ssh_and_logs() throws IOException {
        for (Path root : List.of(MASTER, WORKER, TIER2)) {
            String passwd = Files.readString(root.resolve("etc/passwd"));
            assertTrue(
                    passwd.contains("\npicu:")
                            && passwd.lines().anyMatch(l -> l.startsWith("picu:") && l.endsWith(":/usr/sbin/nologin")),
                    "service user picu with no login shell");
            assertTrue(Files.readString(root.resolve("etc/shadow")).lines().anyMatch(l -> l.startsWith("picu:!:")),
                    "picu has no password");
            String hosts = Files.readString(root.resolve("etc/hosts"));
            assertFalse(hosts.contains("127.0.1.1"), root + ": the 127.0.1.1 line is gone:\n" + hosts);
            assertTrue(hosts.contains("127.0.0.1 localhost"), hosts);
            for (String line : List.of(
                    MASTER_ADDRESS + " picu-master",
                    "10.99.0.11 picu-worker1",
                    "10.99.0.12 picu-worker2",
                    "10.99.0.20 picu-tier2")) {
                assertTrue(hosts.contains(line), root + " /etc/hosts lacks " + line);
            }
            assertTrue(Files.readString(root.resolve("etc/chrony/conf.d/picu.conf"))
                    .contains("pool 2.debian.pool.ntp.org iburst"));
            String sshd = Files.readString(root.resolve("etc/ssh/sshd_config.d/50-picu.conf"));
            assertTrue(
                    sshd.contains("PasswordAuthentication no") && sshd.contains("PermitRootLogin prohibit-password"));
            assertFalse(Files.exists(root.resolve("etc/logrotate.d/picu")), "the processes roll their own log files");
            assertEquals(uid(root, "picu"), Files.getAttribute(root.resolve("var/log/picu"), "unix:uid"));
            assertTrue(Files.readString(root.resolve("etc/systemd/journald.conf.d/picu.conf"))
                    .contains("SystemMaxUse=200M"));
        }
    }

    @Test
    void hadoop_role_installs_the_release_with_this_hosts_values_and_only_the_worker_daemons() throws IOException {
        assertEquals(Path.of("/opt/hadoop-3.5.0"), Files.readSymbolicLink(WORKER.resolve("opt/hadoop")));
        assertTrue(Files.isExecutable(WORKER.resolve("opt/hadoop-3.5.0/bin/hdfs")));
        Path conf = WORKER.resolve("etc/hadoop/conf");
        assertTrue(Files.readString(conf.resolve("core-site.xml")).contains("hdfs://picu-master:9000"));
        String yarn = Files.readString(conf.resolve("yarn-site.xml"));
        assertTrue(yarn.contains("<value>1536</value>"), "per-host nm_memory_mb override in yarn-site.xml");
        assertTrue(yarn.contains("picu-master"), "ResourceManager host from the inventory");
        assertTrue(Files.readString(conf.resolve("hadoop-env.sh"))
                .contains("JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"));
        assertEquals(List.of("picu-worker1", "picu-worker2"), workersAfterRun2);
        Path units = WORKER.resolve("etc/systemd/system");
        String datanode = Files.readString(units.resolve("hadoop-datanode.service"));
        assertTrue(datanode.contains("ExecStart=/opt/hadoop/bin/hdfs --config /etc/hadoop/conf datanode"));
        assertTrue(datanode.contains("User=hadoop"));
        assertTrue(Files.readString(units.resolve("hadoop-nodemanager.service"))
                .contains("yarn --config /etc/hadoop/conf nodemanager"));
        assertFalse(Files.exists(units.resolve("hadoop-namenode.service")), "no NameNode on a worker");
        assertFalse(Files.exists(units.resolve("hadoop-resourcemanager.service")), "no ResourceManager on a worker");
        assertEquals(uid(WORKER, "hadoop"), Files.getAttribute(WORKER.resolve("srv/hadoop/datanode"), "unix:uid"));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(WORKER.resolve("srv/hadoop/datanode"))));
    }

    @Test
    void worker_role_installs_agent_config_spool_unit_and_cleanup_cron() throws Exception {
        Path jar = Path.of(System.getProperty("picu.worker.jar"));
        assertTrue(
                Arrays.equals(
                        Files.readAllBytes(jar), Files.readAllBytes(WORKER.resolve("opt/picu/worker-node-all.jar"))),
                "the worker-agent artifact of requirements/worker.yml");
        String config = Files.readString(WORKER.resolve("etc/picu/worker.yml"));
        for (String expected : List.of("id: picu-worker1", "dir: /srv/picu/spool", "roll-age: PT1M", "interval: PT30S",
                "uri: hdfs://picu-master:9000",
                "upbit: \"*/5 * * * *\"", "fear_greed: \"7 * * * *\"", "coinness: \"*/30 * * * *\"",
                "saveticker: \"*/30 * * * *\"", "perplexity: \"15 */6 * * *\"",
                "picu-worker1: [upbit, fear_greed, coinness, saveticker, perplexity]")) {
            assertTrue(config.contains(expected), "worker.yml lacks " + expected + ":\n" + config);
        }
        Path spool = WORKER.resolve("srv/picu/spool");
        assertEquals(uid(WORKER, "picu"), Files.getAttribute(spool, "unix:uid", LinkOption.NOFOLLOW_LINKS));
        assertEquals(REPO.root.resolve("conf/worker/picu-worker.service").toFile().length(),
                WORKER.resolve("etc/systemd/system/picu-worker.service").toFile().length(), "the unit of conf/worker");
        String unit = Files.readString(WORKER.resolve("etc/systemd/system/picu-worker.service"));
        assertTrue(unit.contains("User=picu") && unit.contains("RestartPreventExitStatus=2"));
        assertTrue(unit.contains("ExecStart=/usr/local/bin/picu-worker daemon --config /etc/picu/worker.yml"));
        assertLauncher(WORKER, "picu-worker");
        String cron = Files.readString(WORKER.resolve("etc/cron.d/picu-worker"));
        assertTrue(cron.lines().anyMatch(l -> l.matches("\\d+\\s+\\d+(\\s+\\*){3}\\s+picu\\s+/usr/local/bin/picu-worker"
                + " cleanup --retention 7d --config /etc/picu/worker.yml.*")), "cleanup cron entry:\n" + cron);
        // the installed command runs the installed agent on the installed JDK inside the root
        String help = inRoot(WORKER, "worker-help", "/usr/local/bin/picu-worker", "--help");
        assertTrue(help.contains("Usage: picu-worker") && help.contains("crawl"), help);
        String cleanupHelp = inRoot(WORKER, "worker-cleanup-help", "/usr/local/bin/picu-worker", "cleanup", "--help");
        assertTrue(cleanupHelp.contains("Usage: picu-worker cleanup"), cleanupHelp);
        // and accepts the rendered config with all five sources (an invalid config exits 2)
        String status = inRoot(WORKER, "worker-status", "/usr/local/bin/picu-worker",
                "status", "--config", "/etc/picu/worker.yml");
        assertTrue(status.contains("worker picu-worker1, spool /srv/picu/spool"), status);
    }

    @Test
    void tier2_role_installs_service_timer_config_secret_and_firewall() throws IOException {
        assertTrue(Files.isRegularFile(TIER2.resolve("opt/picu/tier2/lib/tier2-api-" + VERSION + ".jar")));
        String config = Files.readString(TIER2.resolve("etc/picu/tier2.yml"));
        assertTrue(
                config.contains("url: jdbc:mariadb://127.0.0.1:" + dbPort + "/picu")
                        && config.contains("port: " + apiPort),
                config);
        assertFalse(config.contains(password), "the password never goes into the config file");
        Path env = TIER2.resolve("etc/picu/tier2.env");
        assertEquals(
                "PICU_DB_PASSWORD=" + rotatedPassword + "\nPICU_API_TOKEN=" + rotatedToken + "\n",
                Files.readString(env),
                "the secrets after the rotation run");
        assertFalse(
                config.contains(token) || config.contains(rotatedToken), "the token never goes into the config file");
        for (String log : List.of(
                "run-0-check.log", "run-1.log", "run-2.log", "run-db-1.log", "run-rotate.log")) {
            String output = Files.readString(WORK.resolve(log));
            for (String secret : List.of(password, token, rotatedPassword, rotatedToken)) {
                assertFalse(output.contains(secret), "a secret in the Ansible output " + log);
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
        Path units = TIER2.resolve("etc/systemd/system");
        String api = Files.readString(units.resolve("picu-tier2-api.service"));
        assertTrue(api.contains("EnvironmentFile=/etc/picu/tier2.env")
                && api.contains("ExecStart=/usr/local/bin/picu-tier2 serve --config /etc/picu/tier2.yml"), api);
        assertTrue(api.contains("RestartPreventExitStatus=2"), api);
        String load = Files.readString(units.resolve("picu-tier2-load.service"));
        assertTrue(load.contains("ExecStart=/usr/local/bin/picu-tier2 load --config /etc/picu/tier2.yml")
                && load.contains("RestartPreventExitStatus=2"), load);
        String heaps = Files.readString(TIER2.resolve("etc/default/picu-tier2"));
        assertTrue(heaps.contains("PICU_TIER2_SERVE_HEAP=384m") && heaps.contains("PICU_TIER2_LOAD_HEAP=512m"), heaps);
        assertLauncher(TIER2, "picu-tier2");
        assertTrue(Files.readString(units.resolve("picu-tier2-load.timer")).contains("OnUnitActiveSec=1min"));
        String nft = Files.readString(TIER2.resolve("etc/nftables.conf"));
        assertTrue(nft.contains("policy drop")
                && nft.contains("tcp dport " + apiPort + " accept")
                && nft.contains("tcp dport 22 accept"));
        assertEquals(
                2,
                nft.lines().filter(l -> l.contains("dport")).count(),
                "only SSH and the API port are opened:\n" + nft);
        String cnf = Files.readString(TIER2.resolve("etc/mysql/mariadb.conf.d/60-picu.cnf"));
        assertTrue(cnf.contains("bind-address = 127.0.0.1") && cnf.contains("port = " + dbPort), cnf);
        assertFalse(Files.exists(TIER2.resolve("etc/systemd/system/picu-worker.service")), "no worker agent on tier-2");
    }

    @Test
    void tier2_database_and_user_exist() {
        assertTrue(databases.lines().anyMatch("picu"::equals), databases);
        assertTrue(users.contains("picu@localhost") && users.contains("picu@127.0.0.1"), users);
        assertTrue(users.contains("GRANT ALL PRIVILEGES ON `picu`.* TO `picu`@`localhost`"), users);
    }

    private static String inventory() {
        return String.join("\n",
                "all:",
                "  children:",
                "    master:",
                "      hosts:",
                "        picu-master:",
                "          picu_address: " + MASTER_ADDRESS,
                "          ansible_connection: community.general.chroot",
                "          ansible_host: " + MASTER,
                // the test's NameNode runs already (no systemd here to start the unit's): hdfs-init runs against it
                "          master_hdfs_init: true",
                "          hadoop_host_overrides: {namenode_rpc_port: " + nameNodePort + "}",
                "    workers:",
                "      hosts:",
                "        picu-worker1:",
                "          picu_address: 10.99.0.11",
                "          ansible_connection: community.general.chroot",
                "          ansible_host: " + WORKER,
                "          worker_sources: [upbit, fear_greed, coinness, saveticker, perplexity]",
                "          hadoop_host_overrides: {nm_memory_mb: 1536}",
                "        picu-worker2: {picu_address: 10.99.0.12}",
                "    tier2:",
                "      hosts:",
                "        picu-tier2:",
                "          picu_address: 10.99.0.20",
                "          ansible_connection: community.general.chroot",
                "          ansible_host: " + TIER2,
                "          picu_hdfs_uri: hdfs://picu-master:" + nameNodePort,
                "          tier2_api_port: " + apiPort,
                "          tier2_db_port: " + dbPort, "");
    }

    /** A tarball with the Apache release's layout and names, small enough to build in the test. */
    private static Path standInHadoopArchive() throws IOException {
        Path stage = WORK.resolve("hadoop-stage");
        Path home = stage.resolve("hadoop-3.5.0");
        for (String dir : List.of("bin", "sbin", "etc/hadoop", "share/hadoop/common", "share/hadoop/hdfs",
                "share/hadoop/yarn", "share/hadoop/mapreduce")) {
            Files.createDirectories(home.resolve(dir));
        }
        for (String command : List.of("hadoop", "hdfs", "yarn", "mapred")) {
            Path script = home.resolve("bin").resolve(command);
            Files.writeString(
                    script,
                    "#!/bin/sh\n# stand-in for Apache Hadoop 3.5.0 bin/" + command
                            + "\necho 'Hadoop 3.5.0 (stand-in)'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("etc/hadoop/log4j.properties"), "log4j.rootLogger=INFO,console\n");
        Path archive = WORK.resolve("hadoop-3.5.0.tar.gz");
        // fixed mtimes and owners, so the archive (and its checksum) is the same on every run
        Command.of("tar", "--sort=name", "--mtime=2026-01-01", "--owner=0", "--group=0", "--numeric-owner",
                "-czf", archive.toString(), "-C", stage.toString(), "hadoop-3.5.0").runOk(WORK.resolve("tar.log"));
        return archive;
    }

    /**
     * The repository layout the manifests' artifact sources point into, with the built jars and the tier-2 and
     * master class path directories (target/dist/lib of their modules, built before this module), hard-linked.
     */
    private static Path artifactsTree() throws IOException {
        Path tree = WORK.resolve("artifacts");
        Command.of("rm", "-rf", tree.toString()).runOk(WORK.resolve("rm-artifacts.log"));
        Path workerJar = tree.resolve("worker-node/target/worker-node-" + VERSION + "-all.jar");
        Files.createDirectories(workerJar.getParent());
        Files.copy(
                Path.of(System.getProperty("picu.worker.jar")),
                workerJar,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String jobJar = "mapreduce-jobs/target/dist/mapreduce-jobs-" + VERSION + ".jar";
        for (String built : List.of("tier2-api/target/dist/lib", "master-node/target/dist/lib", jobJar)) {
            Path source = REPO.root.resolve(built);
            assertTrue(Files.exists(source), source + " is missing: build it first (./mvnw -B -pl ansible -am verify)");
            linkTree(source, tree.resolve(built));
        }
        return tree;
    }

    private static void linkTree(Path source, Path target) throws IOException {
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.createDirectories(copy.getParent());
                    Files.deleteIfExists(copy);
                    Files.createLink(copy, file);
                }
            }
        }
    }

    /**
     * A real HDFS with permissions on: the system proof's NameNode and DataNode (JVMs of their own from the build's
     * class path, configured by the site files of {@code render-conf --profile pseudo-distributed} with this run's
     * ports and directories), formatted and run as {@code hadoop}, which makes that the HDFS superuser, as on the
     * cluster. One address substituted besides: the NameNode listens on every address, as the Pi profile's does,
     * so the roots reach it at the master's inventory address. Renders and formats only; {@link #awaitHdfs} waits.
     */
    private static HadoopDaemons prepareHdfs() {
        // a fresh NameNode and DataNode every run (the format refuses to overwrite an earlier run's image)
        Command.of("rm", "-rf", WORK.resolve("hdfs").toString()).runOk(WORK.resolve("rm-hdfs.log"));
        try {
            ProofClasspath classpath = ProofClasspath.read(
                    Path.of(System.getProperty("picu.proof.classpath-file")),
                    Path.of(System.getProperty("picu.proof.classes-dir")));
            return HadoopDaemons.prepare(WORK.resolve("hdfs"), classpath, Map.of("namenode_bind_host", "0.0.0.0"),
                    HDFS_SUPERUSER);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits until HDFS has left safe mode with a live DataNode (a report only the superuser may ask for). */
    private static void awaitHdfs() {
        UserGroupInformation superuser = UserGroupInformation.createRemoteUser(HDFS_SUPERUSER);
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try {
            while (!superuser.doAs((PrivilegedExceptionAction<Boolean>) hdfs::hdfsReady)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("HDFS did not come up within 5 min; see " + WORK.resolve("hdfs/logs"));
                }
                Thread.sleep(500);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for HDFS", e);
        }
    }

    /** Whether the task of that name ran and reported no change in an ansible-playbook output. */
    private static boolean ranUnchanged(String output, String task) {
        int at = output.indexOf(task + "]");
        if (at < 0) {
            return false;
        }
        int next = output.indexOf("TASK [", at);
        String block = output.substring(at, next < 0 ? output.length() : next);
        return block.contains("ok: [") && !block.contains("changed: [");
    }

    /**
     * Starts the API unit's command (ExecStart) inside the tier-2 root as its User, with its EnvironmentFile, as
     * systemd would, and calls {@code POST /api/insights/generate} with the provisioned token, without one and with
     * another one.
     */
    private static void callTheConvergedApi() throws Exception {
        String unit = Files.readString(TIER2.resolve("etc/systemd/system/picu-tier2-api.service"));
        String user = unitValue(unit, "User");
        String group = unitValue(unit, "Group");
        String script = "set -a; . " + unitValue(unit, "EnvironmentFile") + "; set +a; exec setpriv --reuid=" + user
                + " --regid=" + group + " --init-groups " + unitValue(unit, "ExecStart");
        Process api = new ProcessBuilder(
                        SCRIPTS.resolve("chroot-proc.sh").toString(), TIER2.toString(), "/bin/sh", "-c", script)
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("tier2-api.log").toFile())
                .start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            URI base = URI.create("http://127.0.0.1:" + apiPort);
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (true) {
                try {
                    if (http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!api.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the converged API did not come up; see " + WORK.resolve("tier2-api.log"));
                }
                Thread.sleep(500);
            }
            Map<String, String> tokens = new LinkedHashMap<>();
            tokens.put("with token", rotatedToken);
            tokens.put("without token", null);
            tokens.put("with the token before the rotation", token);
            for (Map.Entry<String, String> call : tokens.entrySet()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/insights/generate"))
                        .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody());
                if (call.getValue() != null) {
                    request.header("Authorization", "Bearer " + call.getValue());
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                API_STATUS.put(call.getKey(), response.statusCode());
                if (call.getKey().equals("with token")) {
                    generated = response.body();
                }
            }
        } finally {
            api.destroy();
            if (!api.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                api.destroyForcibly().waitFor();
            }
        }
    }

    private static String unitValue(String unit, String key) {
        return unit.lines().filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no " + key + "= in the unit:\n" + unit));
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process startMariaDb() throws Exception {
        Path socket = TIER2.resolve("run/mysqld/mysqld.sock");
        Files.deleteIfExists(socket);
        Process process = new ProcessBuilder(
                        SCRIPTS.resolve("chroot-proc.sh").toString(),
                        TIER2.toString(),
                        "/bin/sh",
                        "-c",
                        // networking as the role configured it (loopback, tier2_db_port): the API connects over TCP
                        "install -d -o mysql -g mysql /run/mysqld && exec /usr/sbin/mariadbd --user=mysql"
                                + " --socket=/run/mysqld/mysqld.sock")
                .redirectErrorStream(true)
                .redirectOutput(WORK.resolve("mariadbd.log").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new AssertionError(
                        "mariadbd did not start in the tier-2 root; see " + WORK.resolve("mariadbd.log"));
            }
            Thread.sleep(200);
        }
        return process;
    }

    private static String inRoot(Path root, String name, String... argv) {
        List<String> command = new java.util.ArrayList<>(
                List.of(SCRIPTS.resolve("chroot-proc.sh").toString(), root.toString()));
        command.addAll(List.of(argv));
        return Command.of(command).runOk(WORK.resolve(name + ".log")).output();
    }

    private static Set<String> manualPackages(Path root) {
        String out = Command.of("chroot", root.toString(), "apt-mark", "showmanual")
                .runOk(WORK.resolve("showmanual-" + root.getFileName() + ".log")).output();
        return out.lines().map(String::trim).filter(l -> !l.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Keeps the downloaded packages for the next run (a warm run downloads nothing). */
    private static void saveDebs(Path cache) throws IOException {
        Path debs = Files.createDirectories(cache.resolve("debs-amd64"));
        for (Path root : List.of(WORKER, TIER2)) {
            try (var files = Files.list(root.resolve("var/cache/apt/archives"))) {
                for (Path deb : files.filter(p -> p.toString().endsWith(".deb")).toList()) {
                    Path kept = debs.resolve(deb.getFileName());
                    if (!Files.exists(kept)) {
                        Files.copy(deb, kept);
                    }
                }
            }
        }
    }

    /** The node role's command from conf/bin, installed executable in /usr/local/bin. */
    private static void assertLauncher(Path root, String name) throws IOException {
        Path installed = root.resolve("usr/local/bin").resolve(name);
        assertEquals(Files.readString(REPO.root.resolve("conf/bin").resolve(name)), Files.readString(installed), name);
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(installed)), name);
    }

    private static Object uid(Path root, String user) throws IOException {
        return Files.readAllLines(root.resolve("etc/passwd")).stream().filter(l -> l.startsWith(user + ":"))
                .map(l -> Integer.parseInt(l.split(":")[2])).findFirst().orElseThrow();
    }

    private static String sha512(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(Files.readAllBytes(file)));
    }
}
