package org.picu.master.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.picu.master.config.MasterConfig;

class ClusterConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void without_a_conf_dir_jobs_run_on_the_local_job_runner() {
        Configuration conf =
                ClusterConfiguration.from(new MasterConfig(Optional.empty(), Map.of(), "/", Optional.empty()));
        assertEquals("local job runner", ClusterConfiguration.describe(conf));
        assertEquals("/", conf.get("picu.root"));
    }

    @Test
    void a_conf_dir_naming_yarn_sends_jobs_to_its_resource_manager_and_properties_win() throws Exception {
        Files.writeString(dir.resolve("mapred-site.xml"), """
            <configuration>
              <property><name>mapreduce.framework.name</name><value>yarn</value></property>
              <property><name>mapreduce.job.reduces</name><value>3</value></property>
            </configuration>\
            """);
        Files.writeString(dir.resolve("yarn-site.xml"), """
            <configuration>
              <property><name>yarn.resourcemanager.address</name><value>pi-master:8032</value></property>
            </configuration>\
            """);
        Path jar = Files.writeString(dir.resolve("jobs.jar"), "");
        Configuration conf = ClusterConfiguration.from(new MasterConfig(Optional.of(dir),
                Map.of("mapreduce.job.reduces", "2"), "/", Optional.of(jar)));
        assertEquals("YARN at pi-master:8032", ClusterConfiguration.describe(conf));
        assertEquals(2, conf.getInt("mapreduce.job.reduces", 0));
        assertEquals(jar.toString(), conf.get("mapreduce.job.jar"));
    }
}
