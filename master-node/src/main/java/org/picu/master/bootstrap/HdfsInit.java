package org.picu.master.bootstrap;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.picu.master.bootstrap.HdfsTree.Dir;
import org.picu.master.bootstrap.HdfsTree.Owner;

/**
 * Applies {@link HdfsTree}: creates what is missing and corrects owners and modes that differ; touches nothing
 * else. Prints one line per directory ({@code created}, {@code fixed} or {@code ok}) so that a caller such as
 * Ansible can tell whether anything changed. Must run as the HDFS superuser (only it may change owners).
 */
public final class HdfsInit {
    private final FileSystem fs;
    private final String serviceUser;
    private final String serviceGroup;

    public HdfsInit(FileSystem fs, String serviceUser, String serviceGroup) {
        this.fs = fs;
        this.serviceUser = serviceUser;
        this.serviceGroup = serviceGroup;
    }

    /** Applies every directory; returns how many were created or fixed (0: nothing changed). */
    public int apply(List<Dir> dirs, PrintStream out) throws IOException {
        int changed = 0;
        for (Dir dir : dirs) {
            Path path = new Path(dir.path());
            FsPermission mode = new FsPermission(dir.mode());
            String state;
            FileStatus status = fs.exists(path) ? fs.getFileStatus(path) : null;
            if (status == null) {
                fs.mkdirs(path);
                fs.setPermission(path, mode); // mkdirs applies the umask
                if (dir.owner() == Owner.SERVICE) {
                    fs.setOwner(path, serviceUser, serviceGroup);
                }
                state = "created";
            } else if (!status.isDirectory()) {
                throw new FileAlreadyExistsException(path + " exists and is not a directory");
            } else if (differs(status, dir, mode)) {
                fs.setPermission(path, mode);
                if (dir.owner() == Owner.SERVICE) {
                    fs.setOwner(path, serviceUser, serviceGroup);
                }
                state = "fixed";
            } else {
                state = "ok";
            }
            if (!state.equals("ok")) {
                changed++;
            }
            FileStatus now = fs.getFileStatus(path);
            out.printf("%-7s %s %s:%s %s%n", state, path.toUri().getPath(), now.getOwner(), now.getGroup(),
                    dir.modeText());
        }
        return changed;
    }

    private boolean differs(FileStatus status, Dir dir, FsPermission mode) {
        if (!status.getPermission().equals(mode)) {
            return true;
        }
        return dir.owner() == Owner.SERVICE
                && !(serviceUser.equals(status.getOwner()) && serviceGroup.equals(status.getGroup()));
    }

    /**
     * Waits until the file system answers and, for HDFS, has left safe mode (a NameNode just started refuses
     * connections, then stays in safe mode until its DataNodes report). Returns at once on a ready file system.
     *
     * @throws IOException the last failure, if the file system is still not ready after {@code timeout}
     */
    public static void awaitReady(FileSystem fs, java.time.Duration timeout, PrintStream out)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        while (true) {
            IOException failure;
            try {
                if (!(fs instanceof org.apache.hadoop.hdfs.DistributedFileSystem dfs)
                        || !dfs.setSafeMode(
                                org.apache.hadoop.hdfs.protocol.HdfsConstants.SafeModeAction.SAFEMODE_GET)) {
                    fs.getFileStatus(new Path("/"));
                    return;
                }
                failure = new IOException(fs.getUri() + " is still in safe mode");
            } catch (IOException e) {
                failure = e;
            }
            if (System.nanoTime() >= deadline) {
                throw failure;
            }
            if (!told) {
                out.println("hdfs-init: waiting up to " + timeout.toSeconds() + " s for " + fs.getUri() + ": "
                        + failure.getMessage());
                told = true;
            }
            Thread.sleep(2000);
        }
    }

    /** The file system of a layout root under a configuration. */
    public static FileSystem fileSystem(String layoutRoot, Configuration conf) throws IOException {
        return new Path(layoutRoot).getFileSystem(conf);
    }
}
