package org.picu.master.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.picu.model.layout.HdfsLayout;

/**
 * The HDFS directories PICU needs, with owners and modes: the one definition that {@code picu-master hdfs-init}
 * applies on a provisioned cluster (the master role runs it), in the system proof and in the tests. Every PICU
 * process (worker agents, orchestrator and its jobs, tier-2) runs as the service user, which is not the HDFS
 * superuser; the superuser runs the bootstrap.
 *
 * <pre>
 * &lt;root&gt;/raw          service  0755  workers upload here
 * &lt;root&gt;/cleaned      service  0755  published partitions; tier-2 reads them
 * &lt;root&gt;/staging      service  0750  job output before publishing
 * &lt;root&gt;/locks        service  0750  partition run locks
 * &lt;root&gt;/heartbeats   service  0755  each worker's heartbeat; the health check reads them
 * &lt;root&gt;/ledger       service  0755  the orchestrator's run ledger, _health.json for tier-2
 * /user/&lt;service&gt;      service  0750  the service user's HDFS home (MapReduce's working directory)
 * /tmp                 superuser 1777 MapReduce staging and job history, YARN's aggregated logs
 * </pre>
 *
 * A layout root other than {@code /} is created too, owned by the service user with mode 0755.
 */
public final class HdfsTree {
    /** Who owns a directory: the PICU service user, or whoever runs the bootstrap (the HDFS superuser). */
    public enum Owner { SERVICE, SUPERUSER }

    /** One directory: an absolute path or URI, its owner and its octal mode. */
    public record Dir(String path, Owner owner, short mode) {
        public String modeText() {
            return String.format("%04o", mode);
        }
    }

    private HdfsTree() {
    }

    /** Every directory for a layout and the service user's name, parents before children. */
    public static List<Dir> of(HdfsLayout layout, String serviceUser) {
        String root = layout.root().substring(0, layout.root().length() - 1);
        List<Dir> dirs = new ArrayList<>();
        if (!new org.apache.hadoop.fs.Path(layout.root()).isRoot()) {
            dirs.add(new Dir(root, Owner.SERVICE, (short) 0755));
        }
        dirs.add(new Dir(root + "/raw", Owner.SERVICE, (short) 0755));
        dirs.add(new Dir(root + "/cleaned", Owner.SERVICE, (short) 0755));
        dirs.add(new Dir(root + "/staging", Owner.SERVICE, (short) 0750));
        dirs.add(new Dir(root + "/locks", Owner.SERVICE, (short) 0750));
        dirs.add(new Dir(layout.heartbeatDir(), Owner.SERVICE, (short) 0755));
        dirs.add(new Dir(layout.ledgerDir(), Owner.SERVICE, (short) 0755));
        String fsRoot = new org.apache.hadoop.fs.Path(layout.root()).toUri().resolve("/").toString();
        dirs.add(new Dir(fsRoot + "user/" + serviceUser, Owner.SERVICE, (short) 0750));
        dirs.add(new Dir(fsRoot + "tmp", Owner.SUPERUSER, (short) 01777));
        return dirs;
    }
}
