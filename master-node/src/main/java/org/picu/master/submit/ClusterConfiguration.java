package org.picu.master.submit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.picu.jobs.publish.PublishConfigKeys;
import org.picu.master.config.MasterConfig;

/**
 * Builds the Hadoop {@link Configuration} jobs are submitted with. With no conf-dir Hadoop's own defaults
 * apply: local file system and local job runner (standalone mode). A conf-dir whose mapred-site.xml says
 * {@code mapreduce.framework.name=yarn} sends jobs to that cluster's ResourceManager.
 */
public final class ClusterConfiguration {
    private static final String[] SITE_FILES = {"core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml"};

    private ClusterConfiguration() {
    }

    public static Configuration from(MasterConfig config) {
        Configuration conf = new Configuration();
        config.hadoopConfDir().ifPresent(dir -> {
            for (String site : SITE_FILES) {
                Path file = dir.resolve(site);
                if (Files.isRegularFile(file)) {
                    conf.addResource(new org.apache.hadoop.fs.Path(file.toUri()));
                }
            }
        });
        // The jobs' partition locks expire like the orchestrator's leases, unless a property says otherwise.
        conf.setLong(PublishConfigKeys.LOCK_TTL_MS, config.orchestrator().leaseTtl().toMillis());
        config.hadoopProperties().forEach(conf::set);
        conf.set(PublishConfigKeys.ROOT, config.layoutRoot());
        config.jobsJar().ifPresent(jar -> conf.set("mapreduce.job.jar", jar.toString()));
        return conf;
    }

    /** Where jobs will run, for log lines: "local job runner" or "YARN at host:port". */
    public static String describe(Configuration conf) {
        if ("yarn".equals(conf.get("mapreduce.framework.name", "local"))) {
            return "YARN at " + conf.get("yarn.resourcemanager.address", "0.0.0.0:8032");
        }
        return "local job runner";
    }
}
