package org.picu.worker.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.model.layout.HdfsLayout;
import org.picu.worker.spool.SpoolDirectory;

/** HDFS goes down with files waiting: nothing is lost, the drain reports failures, and ships when it is back. */
class HdfsOutageIT {
    @TempDir
    Path work;

    private MiniDFSCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void files_wait_in_the_spool_while_the_name_node_is_down_and_ship_after_its_restart() throws Exception {
        cluster = MiniHdfs.start("outage");
        Path spool = work.resolve("spool");
        List<Path> files = SpoolFixture.write(spool, SpoolFixture.DAY_1, 2, 2);
        FileSystem fs = cluster.getFileSystem();
        HdfsUploader uploader = new HdfsUploader(fs, new HdfsLayout(cluster.getURI() + "/"));

        cluster.shutdownNameNode(0);
        UploadReport down = uploader.drain(new SpoolDirectory(spool));

        assertEquals(2, down.failed().size(), down.summary());
        assertFalse(down.complete());
        for (Path file : files) {
            assertTrue(Files.exists(file), file + " must stay in the spool");
        }

        cluster.restartNameNode(0);
        cluster.waitActive();
        UploadReport back = uploader.drain(new SpoolDirectory(spool));

        assertEquals(2, back.shipped().size(), back.summary());
        assertTrue(new SpoolDirectory(spool).pendingFiles().isEmpty());
    }
}
