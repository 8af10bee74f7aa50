package org.picu.master;

import java.io.IOException;
import java.time.Clock;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.picu.master.config.MasterConfig;
import org.picu.master.registry.JobCatalog;
import org.picu.master.registry.JobRegistry;
import org.picu.master.run.Orchestrator;
import org.picu.master.run.Sleeper;
import org.picu.master.submit.ClusterConfiguration;
import org.picu.model.layout.HdfsLayout;

/**
 * What every command works with, built once from {@code master.yml}: the Hadoop configuration, the file
 * system and layout, the registry and the jobs the installed job jar offers.
 */
record MasterContext(MasterConfig config, Configuration conf, FileSystem fs, HdfsLayout layout, JobRegistry registry,
                     JobCatalog catalog, Clock clock) {

    static MasterContext of(MasterConfig config) throws IOException {
        Configuration conf = ClusterConfiguration.from(config);
        // Hadoop's own shutdown hook would close the cached file systems while a SIGTERMed daemon's running
        // partitions still release their leases and job locks through them; the JVM closes them by exiting.
        conf.setBoolean("fs.automatic.close", false);
        HdfsLayout layout = new HdfsLayout(config.layoutRoot());
        FileSystem fs = new Path(layout.root()).getFileSystem(conf);
        return new MasterContext(
                config, conf, fs, layout, JobRegistry.standard(), JobCatalog.fromJobJar(), Clock.systemUTC());
    }

    Orchestrator orchestrator() {
        return new Orchestrator(conf, fs, layout, registry, catalog, config.orchestrator(), clock, Sleeper.REAL);
    }
}
