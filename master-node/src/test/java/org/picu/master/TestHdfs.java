package org.picu.master;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** The one-DataNode MiniDFSCluster master-node's ITs run on, its storage in a directory of the caller's. */
public final class TestHdfs {
    private TestHdfs() {
    }

    /** Starts the cluster with its storage under {@code base} and waits until it is active. */
    public static MiniDFSCluster start(Path base) throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toAbsolutePath().toString());
        // A client closing a file asks the NameNode to complete its last block and, when the DataNode's report has
        // not arrived yet, retries after this delay (400 ms by default; test clusters only).
        conf.setInt("dfs.client.block.write.locateFollowingBlock.initial.delay.ms", 20);
        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        dfs.waitActive();
        return dfs;
    }
}
