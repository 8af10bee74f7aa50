package org.picu.master.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.master.MasterMain;
import org.picu.model.layout.HdfsLayout;

/**
 * {@code picu-master hdfs-init} against a real HDFS with permissions on (as on the Pi cluster), run by the
 * superuser (this JVM's user started the NameNode); then the service user {@code picu}, who is not the
 * superuser, writes where every PICU process writes, and another user cannot.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class HdfsInitIT {
    private static MiniDFSCluster dfs;
    private static java.nio.file.Path config;

    @BeforeAll
    static void start() throws Exception {
        Configuration conf = new Configuration();
        conf.set(
                MiniDFSCluster.HDFS_MINIDFS_BASEDIR,
                Paths.get("target", "minidfs-hdfs-init").toAbsolutePath().toString());
        conf.setBoolean("dfs.permissions.enabled", true);
        dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        java.nio.file.Path dir = Files.createDirectories(
                Paths.get("target", "test-data", "hdfs-init").toAbsolutePath());
        config = Files.writeString(
                dir.resolve("master.yml"), """
                    hadoop:
                      properties: {fs.defaultFS: "%s"}
                    layout:
                      root: /
                    """.formatted(dfs.getFileSystem().getUri()));
    }

    @AfterAll
    static void stop() {
        if (dfs != null) {
            dfs.shutdown();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void creates_the_tree_once_fixes_drift_and_lets_only_the_service_user_write() throws Exception {
        String first = run("hdfs-init", "--config", config.toString(), "--owner", "picu:picu");
        assertTrue(first.contains("hdfs-init: 8 created or fixed"), first);
        for (String line : List.of(
                "created /raw picu:picu 0755",
                "created /heartbeats picu:picu 0755",
                "created /ledger picu:picu 0755",
                "created /staging picu:picu 0750",
                "created /user/picu picu:picu 0750")) {
            assertTrue(first.contains(line), line + " in\n" + first);
        }
        assertTrue(first.lines().anyMatch(l -> l.matches("created /tmp \\S+:\\S+ 1777")), first);

        String second = run("hdfs-init", "--config", config.toString(), "--owner", "picu:picu");
        assertTrue(second.contains("hdfs-init: 0 created or fixed"), second);

        FileSystem superuser = dfs.getFileSystem();
        superuser.setPermission(new Path("/ledger"), new org.apache.hadoop.fs.permission.FsPermission((short) 0700));
        superuser.setOwner(new Path("/locks"), "someone", "else");
        String third = run("hdfs-init", "--config", config.toString(), "--owner", "picu:picu");
        assertTrue(
                third.contains("fixed   /ledger picu:picu 0755") && third.contains("fixed   /locks picu:picu 0750"),
                third);
        assertTrue(third.contains("hdfs-init: 2 created or fixed"), third);

        // the service user writes where the workers, the orchestrator and its jobs write
        as("picu", fs -> {
            for (String file : List.of(
                    "/raw/upbit/20261121/upbit.w1.000000000000-000000000008.jsonl",
                    "/heartbeats/w1.json",
                    "/ledger/market_ticks/20261121.json",
                    "/locks/market_ticks.20261121.lock",
                    "/staging/market_ticks/x",
                    "/cleaned/market_ticks/20261121/_SUCCESS",
                    "/user/picu/.staging/job",
                    "/tmp/hadoop-yarn/staging/picu/x")) {
                try (FSDataOutputStream out = fs.create(new Path(file))) {
                    out.writeBytes("x");
                }
            }
            return null;
        });
        // a user that is neither the owner nor the superuser cannot
        assertThrows(
                AccessControlException.class, () -> as("mallory", fs -> fs.create(new Path("/raw/upbit/evil.jsonl"))));
        assertThrows(AccessControlException.class, () -> as("mallory", fs -> fs.listStatus(new Path("/staging"))));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void waits_for_safe_mode_to_end_and_gives_up_after_the_wait() throws Exception {
        var admin = dfs.getFileSystem();
        admin.setSafeMode(org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_ENTER);
        try {
            // in safe mode for longer than the wait: the command fails (exit 1) without touching anything
            assertEquals(1, MasterMain.run("hdfs-init", "--config", config.toString(), "--wait-seconds", "1"));
            Thread leave = new Thread(() -> {
                try {
                    Thread.sleep(3000);
                    admin.setSafeMode(org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_LEAVE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            leave.start();
            String out = run("hdfs-init", "--config", config.toString(), "--wait-seconds", "60");
            leave.join();
            assertTrue(out.contains("hdfs-init: waiting up to 60 s for") && out.contains("safe mode"), out);
            assertTrue(out.contains("hdfs-init: 0 created or fixed"), "the tree of the test before is kept:\n" + out);
        } finally {
            admin.setSafeMode(org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_LEAVE);
        }
    }

    @Test
    void the_tree_below_a_root_other_than_slash() {
        List<HdfsTree.Dir> dirs = HdfsTree.of(new HdfsLayout("hdfs://nn:9000/picu"), "svc");
        assertEquals("hdfs://nn:9000/picu", dirs.get(0).path());
        assertTrue(dirs.stream().anyMatch(d -> d.path().equals("hdfs://nn:9000/picu/heartbeats")));
        assertTrue(dirs.stream().anyMatch(d -> d.path().equals("hdfs://nn:9000/user/svc")));
        assertTrue(dirs.stream().anyMatch(d -> d.path().equals("hdfs://nn:9000/tmp") && d.modeText().equals("1777")));
    }

    private interface FsAction<T> {
        T run(FileSystem fs) throws Exception;
    }

    private static <T> T as(String user, FsAction<T> action) throws Exception {
        UserGroupInformation ugi = UserGroupInformation.createUserForTesting(user, new String[] {user});
        return ugi.doAs((PrivilegedExceptionAction<T>) () -> {
            try (FileSystem fs = FileSystem.newInstance(dfs.getFileSystem().getUri(), dfs.getConfiguration(0))) {
                return action.run(fs);
            }
        });
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, MasterMain.run(args));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
