package org.picu.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A real converge run of site.yml into two throwaway Debian 12 roots (debootstrap), reached through
 * Ansible's community.general.chroot connection: one worker (common + hadoop + worker) and the tier-2
 * server (common + tier2). Without a running systemd the roles write units, timers and cron entries but
 * start nothing ({@code picu_systemd=false}); MariaDB is started by the test inside the tier-2 root so the
 * database and user tasks run for real. The Hadoop archive is a small stand-in with the release's layout,
 * fed from a local path (the real one is 700 MB and needs the internet). A second run must change nothing.
 */
@EnabledIfSystemProperty(named = "picu.ops.converge", matches = "true")
class ConvergeIT {
    private static final Repo REPO = Repo.locate();
    private static final Path WORK = REPO.target().resolve("converge");
    private static final Path WORKER = WORK.resolve("roots/worker");
    private static final Path TIER2 = WORK.resolve("roots/tier2");
    private static final Path SCRIPTS = REPO.ansible.resolve("src/test/scripts");
    private static final String VERSION = System.getProperty("picu.version", "0.1.0-SNAPSHOT");
    private static final Ansible ANSIBLE = new Ansible(REPO);

    private static final Map<String, Set<String>> BASE_PACKAGES = new LinkedHashMap<>();
    private static final Map<String, int[]> SECOND_RUN = new LinkedHashMap<>();
    private static final Map<String, int[]> DRY_RUN = new LinkedHashMap<>();
    private static final Map<String, int[]> SECOND_DB_RUN = new LinkedHashMap<>();
    private static List<String> workersAfterRun2;
    private static String addedWorkerRun;
    private static String password;
    private static String token;
    private static String databases;
    private static String users;

    @BeforeAll
    static void converge() throws Exception {
        assertTrue(Tools.isRoot(), "the converge test needs root (debootstrap, chroot); run it as root or with"
                + " -Dpicu.ops.converge=false");
        Tools.ensure(REPO, WORK, "ansible", "debootstrap");
        Path cache = Path.of(System.getProperty("picu.ops.cache", System.getProperty("user.home") + "/.cache/picu-ops"));
        for (Path root : List.of(WORKER, TIER2)) {
            Command.of(SCRIPTS.resolve("base-root.sh").toString(), cache.toString(), root.toString())
                    .timeout(Duration.ofMinutes(20)).runOk(WORK.resolve("base-" + root.getFileName() + ".log"));
            BASE_PACKAGES.put(root.getFileName().toString(), manualPackages(root));
            // what Debian's installer and Raspberry Pi OS write: the host's own name on loopback
            Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n127.0.1.1 " + root.getFileName() + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
        Path archive = standInHadoopArchive();
        Path artifacts = artifactsTree();
        password = "test-only-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        token = "token-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        Files.writeString(WORK.resolve("inventory.yml"), inventory());
        Files.writeString(WORK.resolve("vars.yml"), String.join("\n",
                "picu_systemd: false",
                "picu_ssh_require_operator_key: false",
                "ansible_chroot_exe: " + SCRIPTS.resolve("chroot-proc.sh"),
                "hadoop_archive_local_path: " + archive,
                "hadoop_archive_sha512: " + sha512(archive),
                "picu_artifacts_dir: " + artifacts,
                "picu_db_password: " + password,
                "picu_api_token: " + token, ""));

        String[] site = {"-i", WORK.resolve("inventory.yml").toString(), "-e", "@" + WORK.resolve("vars.yml"),
            "--limit", "picu-worker1,picu-tier2", "-e", "tier2_manage_database=false"};
        // the documented dry run, on the fresh roots: it must pass although nothing is installed or downloaded yet
        List<String> check = new java.util.ArrayList<>(List.of(site));
        check.addAll(List.of("--check", "--diff"));
        DRY_RUN.putAll(Ansible.recap(ANSIBLE.playbook("site.yml", check.toArray(String[]::new)).timeout(Duration.ofMinutes(15))
                .runOk(WORK.resolve("run-0-check.log")).output()));
        ANSIBLE.playbook("site.yml", site).timeout(Duration.ofMinutes(30)).runOk(WORK.resolve("run-1.log"));
        saveDebs(cache);
        SECOND_RUN.putAll(Ansible.recap(ANSIBLE.playbook("site.yml", site).timeout(Duration.ofMinutes(15))
                .runOk(WORK.resolve("run-2.log")).output()));

        workersAfterRun2 = Files.readAllLines(WORKER.resolve("etc/hadoop/conf/workers"));
        // adding a worker to the converged inventory: only what names the workers changes, nothing restarts
        Files.writeString(WORK.resolve("inventory-added.yml"), inventory().replace(
                "        picu-worker2: {picu_address: 10.99.0.12}\n",
                "        picu-worker2: {picu_address: 10.99.0.12}\n        picu-worker3: {picu_address: 10.99.0.13}\n"));
        addedWorkerRun = ANSIBLE.playbook("site.yml", "-i", WORK.resolve("inventory-added.yml").toString(),
                "-e", "@" + WORK.resolve("vars.yml"), "--limit", "picu-worker1", "--tags", "common,hadoop")
                .timeout(Duration.ofMinutes(10)).runOk(WORK.resolve("run-added-worker.log")).output();

        Process mariadb = startMariaDb();
        try {
            String[] db = {"-i", WORK.resolve("inventory.yml").toString(), "-e", "@" + WORK.resolve("vars.yml"),
                "--limit", "picu-tier2", "--tags", "tier2-db", "-e", "tier2_manage_database=true"};
            ANSIBLE.playbook("site.yml", db).runOk(WORK.resolve("run-db-1.log"));
            SECOND_DB_RUN.putAll(Ansible.recap(ANSIBLE.playbook("site.yml", db).runOk(WORK.resolve("run-db-2.log")).output()));
            databases = inRoot(TIER2, "query-databases", "mariadb", "-N", "-e", "SHOW DATABASES");
            users = inRoot(TIER2, "query-users", "mariadb", "-N", "-e",
                    "SELECT CONCAT(user,'@',host) FROM mysql.user; SHOW GRANTS FOR 'picu'@'localhost'");
        } finally {
            mariadb.destroy();
            mariadb.waitFor();
        }
    }

    @Test
    void theDryRunPassesOnFreshRoots() {
        assertEquals(Set.of("picu-worker1", "picu-tier2"), DRY_RUN.keySet());
        DRY_RUN.forEach((host, counts) -> assertEquals(0, counts[3], host + ": failed tasks in --check --diff; see run-0-check.log"));
    }

    @Test
    void secondRunChangesNothing() {
        assertEquals(Set.of("picu-worker1", "picu-tier2"), SECOND_RUN.keySet());
        SECOND_RUN.forEach((host, counts) -> {
            assertEquals(0, counts[1], host + ": changed tasks in the second run; see target/converge/run-2.log");
            assertEquals(0, counts[3], host + ": failed tasks");
        });
        assertEquals(0, SECOND_DB_RUN.get("picu-tier2")[1], "database tasks changed on their second run; see run-db-2.log");
    }

    @Test
    void addingAWorkerRewritesNamesAndRestartsNothingOnARunningWorker() throws IOException {
        Path conf = WORKER.resolve("etc/hadoop/conf");
        assertEquals(List.of("picu-worker1", "picu-worker2", "picu-worker3"), Files.readAllLines(conf.resolve("workers")));
        assertTrue(Files.readString(WORKER.resolve("etc/hosts")).contains("10.99.0.13 picu-worker3"));
        String run = addedWorkerRun;
        assertTrue(changed(run, "Render the workers file (no restart)"), run);
        assertTrue(changed(run, "Write every cluster node into /etc/hosts"), run);
        assertFalse(changed(run, "Render the site files from conf/hadoop/templates"), "no daemon reads a changed file:\n" + run);
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
    void eachRootGotExactlyThePackagesOfItsManifest() {
        for (Map.Entry<String, Path> node : Map.of("worker", WORKER, "tier2", TIER2).entrySet()) {
            Set<String> added = new TreeSet<>(manualPackages(node.getValue()));
            added.removeAll(BASE_PACKAGES.get(node.getKey()));
            Set<String> expected = new TreeSet<>(REPO.allPackages(node.getKey()));
            expected.removeAll(BASE_PACKAGES.get(node.getKey()));
            assertEquals(expected, added, node.getKey() + ": packages installed by Ansible vs requirements/"
                    + node.getKey() + ".yml (minus what the base root already had)");
        }
    }

    @Test
    void commonRoleSetsUpUsersHostsTimeSshAndLogs() throws IOException {
        for (Path root : List.of(WORKER, TIER2)) {
            String passwd = Files.readString(root.resolve("etc/passwd"));
            assertTrue(passwd.contains("\npicu:") && passwd.lines().anyMatch(l -> l.startsWith("picu:") && l.endsWith(":/usr/sbin/nologin")),
                    "service user picu with no login shell");
            assertTrue(Files.readString(root.resolve("etc/shadow")).lines().anyMatch(l -> l.startsWith("picu:!:")),
                    "picu has no password");
            String hosts = Files.readString(root.resolve("etc/hosts"));
            assertFalse(hosts.contains("127.0.1.1"), root + ": the 127.0.1.1 line is gone:\n" + hosts);
            assertTrue(hosts.contains("127.0.0.1 localhost"), hosts);
            for (String line : List.of("10.99.0.10 picu-master", "10.99.0.11 picu-worker1", "10.99.0.12 picu-worker2",
                    "10.99.0.20 picu-tier2")) {
                assertTrue(hosts.contains(line), root + " /etc/hosts lacks " + line);
            }
            assertTrue(Files.readString(root.resolve("etc/chrony/conf.d/picu.conf")).contains("pool 2.debian.pool.ntp.org iburst"));
            String sshd = Files.readString(root.resolve("etc/ssh/sshd_config.d/50-picu.conf"));
            assertTrue(sshd.contains("PasswordAuthentication no") && sshd.contains("PermitRootLogin prohibit-password"));
            assertFalse(Files.exists(root.resolve("etc/logrotate.d/picu")), "the processes roll their own log files");
            assertEquals(uid(root, "picu"), Files.getAttribute(root.resolve("var/log/picu"), "unix:uid"));
            assertTrue(Files.readString(root.resolve("etc/systemd/journald.conf.d/picu.conf")).contains("SystemMaxUse=200M"));
        }
    }

    @Test
    void hadoopRoleInstallsTheReleaseWithThisHostsValuesAndOnlyTheWorkerDaemons() throws IOException {
        assertEquals(Path.of("/opt/hadoop-3.5.0"), Files.readSymbolicLink(WORKER.resolve("opt/hadoop")));
        assertTrue(Files.isExecutable(WORKER.resolve("opt/hadoop-3.5.0/bin/hdfs")));
        Path conf = WORKER.resolve("etc/hadoop/conf");
        assertTrue(Files.readString(conf.resolve("core-site.xml")).contains("hdfs://picu-master:9000"));
        String yarn = Files.readString(conf.resolve("yarn-site.xml"));
        assertTrue(yarn.contains("<value>1536</value>"), "per-host nm_memory_mb override in yarn-site.xml");
        assertTrue(yarn.contains("picu-master"), "ResourceManager host from the inventory");
        assertTrue(Files.readString(conf.resolve("hadoop-env.sh")).contains("JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64"));
        assertEquals(List.of("picu-worker1", "picu-worker2"), workersAfterRun2);
        Path units = WORKER.resolve("etc/systemd/system");
        String datanode = Files.readString(units.resolve("hadoop-datanode.service"));
        assertTrue(datanode.contains("ExecStart=/opt/hadoop/bin/hdfs --config /etc/hadoop/conf datanode"));
        assertTrue(datanode.contains("User=hadoop"));
        assertTrue(Files.readString(units.resolve("hadoop-nodemanager.service")).contains("yarn --config /etc/hadoop/conf nodemanager"));
        assertFalse(Files.exists(units.resolve("hadoop-namenode.service")), "no NameNode on a worker");
        assertFalse(Files.exists(units.resolve("hadoop-resourcemanager.service")), "no ResourceManager on a worker");
        assertEquals(uid(WORKER, "hadoop"), Files.getAttribute(WORKER.resolve("srv/hadoop/datanode"), "unix:uid"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(WORKER.resolve("srv/hadoop/datanode"))));
    }

    @Test
    void workerRoleInstallsAgentConfigSpoolUnitAndCleanupCron() throws Exception {
        Path jar = Path.of(System.getProperty("picu.worker.jar"));
        assertTrue(Arrays.equals(Files.readAllBytes(jar), Files.readAllBytes(WORKER.resolve("opt/picu/worker-node-all.jar"))),
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
    void tier2RoleInstallsServiceTimerConfigSecretAndFirewall() throws IOException {
        assertTrue(Files.isRegularFile(TIER2.resolve("opt/picu/tier2/lib/tier2-api-" + VERSION + ".jar")));
        String config = Files.readString(TIER2.resolve("etc/picu/tier2.yml"));
        assertTrue(config.contains("url: jdbc:mariadb://127.0.0.1:3306/picu") && config.contains("port: 5000"));
        assertFalse(config.contains(password), "the password never goes into the config file");
        Path env = TIER2.resolve("etc/picu/tier2.env");
        assertEquals("PICU_DB_PASSWORD=" + password + "\nPICU_API_TOKEN=" + token + "\n", Files.readString(env));
        assertFalse(config.contains(token), "the token never goes into the config file");
        for (String log : List.of("run-1.log", "run-2.log")) {
            String output = Files.readString(WORK.resolve(log));
            assertFalse(output.contains(password) || output.contains(token), "a secret in the Ansible output " + log);
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
        // (the command itself runs in tier2-api's Tier2LauncherIT: this root holds only the tier2 jar, not its libraries)
        assertLauncher(TIER2, "picu-tier2");
        assertTrue(Files.readString(units.resolve("picu-tier2-load.timer")).contains("OnUnitActiveSec=1min"));
        String nft = Files.readString(TIER2.resolve("etc/nftables.conf"));
        assertTrue(nft.contains("policy drop") && nft.contains("tcp dport 5000 accept") && nft.contains("tcp dport 22 accept"));
        assertEquals(2, nft.lines().filter(l -> l.contains("dport")).count(), "only SSH and the API port are opened:\n" + nft);
        assertTrue(Files.readString(TIER2.resolve("etc/mysql/mariadb.conf.d/60-picu.cnf")).contains("bind-address = 127.0.0.1"));
        assertFalse(Files.exists(TIER2.resolve("etc/systemd/system/picu-worker.service")), "no worker agent on tier-2");
    }

    @Test
    void tier2DatabaseAndUserExist() {
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
                "        picu-master: {picu_address: 10.99.0.10}",
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
                "          ansible_host: " + TIER2, "");
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
            Files.writeString(script, "#!/bin/sh\n# stand-in for Apache Hadoop 3.5.0 bin/" + command + "\necho 'Hadoop 3.5.0 (stand-in)'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("etc/hadoop/log4j.properties"), "log4j.rootLogger=INFO,console\n");
        Path archive = WORK.resolve("hadoop-3.5.0.tar.gz");
        // fixed mtimes and owners, so the archive (and its checksum) is the same on every run
        Command.of("tar", "--sort=name", "--mtime=2026-01-01", "--owner=0", "--group=0", "--numeric-owner",
                "-czf", archive.toString(), "-C", stage.toString(), "hadoop-3.5.0").runOk(WORK.resolve("tar.log"));
        return archive;
    }

    /** The repository layout the manifests' artifact sources point into, with the built jars. */
    private static Path artifactsTree() throws IOException {
        Path tree = WORK.resolve("artifacts");
        Path workerJar = tree.resolve("worker-node/target/worker-node-" + VERSION + "-all.jar");
        Path tier2Jar = tree.resolve("tier2-api/target/dist/lib/tier2-api-" + VERSION + ".jar");
        Files.createDirectories(workerJar.getParent());
        Files.createDirectories(tier2Jar.getParent());
        Files.copy(Path.of(System.getProperty("picu.worker.jar")), workerJar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty("picu.tier2.jar")), tier2Jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return tree;
    }

    private static Process startMariaDb() throws Exception {
        Path socket = TIER2.resolve("run/mysqld/mysqld.sock");
        Files.deleteIfExists(socket);
        Process process = new ProcessBuilder(SCRIPTS.resolve("chroot-proc.sh").toString(), TIER2.toString(), "/bin/sh", "-c",
                "install -d -o mysql -g mysql /run/mysqld && exec /usr/sbin/mariadbd --user=mysql --skip-networking"
                        + " --socket=/run/mysqld/mysqld.sock")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("mariadbd.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroy();
                throw new AssertionError("mariadbd did not start in the tier-2 root; see " + WORK.resolve("mariadbd.log"));
            }
            Thread.sleep(200);
        }
        return process;
    }

    private static String inRoot(Path root, String name, String... argv) {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPTS.resolve("chroot-proc.sh").toString(), root.toString()));
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
