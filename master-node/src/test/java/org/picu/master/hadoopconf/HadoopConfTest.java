package org.picu.master.hadoopconf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HadoopConfTest {

    @ParameterizedTest
    @ValueSource(strings = {"pi4-cluster", "pseudo-distributed"})
    void every_template_renders_with_every_placeholder_filled_and_every_xml_parses(String profile) throws Exception {
        Map<String, String> files = HadoopConf.render(HadoopConf.profile(profile));

        assertEquals(HadoopConf.TEMPLATES, List.copyOf(files.keySet()));
        for (Map.Entry<String, String> f : files.entrySet()) {
            assertFalse(f.getValue().contains("{{"), f.getKey() + " still has a placeholder");
            assertFalse(f.getValue().contains("}}"), f.getKey() + " still has a placeholder");
            if (f.getKey().endsWith(".xml")) {
                NodeList props = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                        .parse(new ByteArrayInputStream(f.getValue().getBytes(StandardCharsets.UTF_8)))
                        .getElementsByTagName("property");
                assertTrue(props.getLength() > 0, f.getKey());
                for (int i = 0; i < props.getLength(); i++) {
                    Element p = (Element) props.item(i);
                    assertFalse(p.getElementsByTagName("value").item(0).getTextContent().isBlank(),
                            f.getKey() + " " + p.getElementsByTagName("name").item(0).getTextContent());
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pi4-cluster", "pseudo-distributed"})
    void containers_have_pi_sizes_with_heaps_at_80_percent_and_fit_a_node_manager(String profile) throws Exception {
        Configuration conf = hadoopConf(HadoopConf.render(HadoopConf.profile(profile)));
        assertEquals(512, conf.getInt("mapreduce.map.memory.mb", 0));
        assertEquals(768, conf.getInt("mapreduce.reduce.memory.mb", 0));
        assertEquals(512, conf.getInt("yarn.app.mapreduce.am.resource.mb", 0));
        assertHeapIs80Percent(conf, "mapreduce.map.java.opts", "mapreduce.map.memory.mb");
        assertHeapIs80Percent(conf, "mapreduce.reduce.java.opts", "mapreduce.reduce.memory.mb");
        assertHeapIs80Percent(conf, "yarn.app.mapreduce.am.command-opts", "yarn.app.mapreduce.am.resource.mb");
        for (String opts : List.of(
                "mapreduce.map.java.opts", "mapreduce.reduce.java.opts", "yarn.app.mapreduce.am.command-opts")) {
            String value = conf.get(opts);
            assertTrue(value.endsWith(" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), opts + " " + value);
        }
        assertEquals(200, conf.getInt("yarn.resourcemanager.nodemanagers.heartbeat-interval-ms", 0));
        int min = conf.getInt("yarn.scheduler.minimum-allocation-mb", 0);
        assertEquals(0, 512 % min, "512 MB is a whole number of minimum allocations");
        assertEquals(0, 768 % min, "768 MB is a whole number of minimum allocations");
        assertTrue(conf.getInt("yarn.nodemanager.resource.memory-mb", 0) >= 512 + 512 + 768,
                "a node fits an AM, a map and a reduce");
        assertFalse(conf.getBoolean("yarn.nodemanager.vmem-check-enabled", true));
        long block = conf.getLong("dfs.blocksize", 0);
        assertTrue(block >= 32L << 20 && block <= 64L << 20, "block size 32-64 MB: " + block);
    }

    @Test
    void the_cluster_replicates_twice_on_three_workers_and_the_local_profile_binds_to_loopback() throws Exception {
        Map<String, String> pi = HadoopConf.render(HadoopConf.profile("pi4-cluster"));
        assertEquals(2, hadoopConf(pi).getInt("dfs.replication", 0));
        assertEquals(3, pi.get("workers").strip().lines().count());
        assertEquals("hdfs://picu-master:9000", hadoopConf(pi).get("fs.defaultFS"));
        assertEquals("0.0.0.0", hadoopConf(pi).get("dfs.namenode.rpc-bind-host"));
        assertEquals("picu-master:10020", hadoopConf(pi).get("mapreduce.jobhistory.address"));
        assertEquals("/etc/hadoop/conf/dfs.exclude", hadoopConf(pi).get("dfs.hosts.exclude"));
        assertTrue(pi.get("hadoop-env.sh").contains("export HDFS_NAMENODE_OPTS=\"-Xmx1024m\""));

        Configuration local = hadoopConf(HadoopConf.render(HadoopConf.profile("pseudo-distributed")));
        assertEquals("hdfs://127.0.0.1:19000", local.get("fs.defaultFS"));
        assertEquals("127.0.0.1:18032", local.get("yarn.resourcemanager.address"));
        assertEquals(1, local.getInt("dfs.replication", 0));
        assertEquals("127.0.0.1", local.get("dfs.namenode.rpc-bind-host"));
        assertTrue(local.getBoolean("dfs.permissions.enabled", false), "permissions on, as on the cluster");
    }

    @Test
    void a_missing_or_misspelt_variable_is_reported_with_every_other_problem() throws Exception {
        Map<String, String> values = new HashMap<>(HadoopConf.profile("pi4-cluster"));
        values.remove("nm_memory_mb");
        values.remove("dfs_replication");
        values.put("dfs_replicaton", "2");
        TemplateException e = assertThrows(TemplateException.class, () -> HadoopConf.render(values));
        assertEquals(4, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("'nm_memory_mb' has no value"), e.getMessage());
        assertTrue(e.getMessage().contains("'dfs_replicaton' is used by no template"), e.getMessage());
        assertThrows(TemplateException.class, () -> HadoopConf.profile("pi5"));
    }

    @Test
    void only_plain_placeholders_are_accepted_so_ansible_and_java_render_alike() {
        List<String> problems = new ArrayList<>();
        String out = TemplateRenderer.render(
                "t", "a={{ a }} b={{a}} c={{ a | default(1) }} {% if x %}", Map.of("a", "1"), problems);
        assertTrue(out.startsWith("a=1 b=1 "), out);
        assertEquals(2, problems.size(), problems.toString());
    }

    private static void assertHeapIs80Percent(Configuration conf, String opts, String memory) {
        String value = conf.get(opts);
        int heap = Integer.parseInt(value.replaceAll(".*-Xmx(\\d+)m.*", "$1"));
        double share = heap / (double) conf.getInt(memory, 1);
        assertTrue(share > 0.78 && share < 0.82, opts + " " + value + " is " + share + " of " + memory);
    }

    private static Configuration hadoopConf(Map<String, String> files) {
        Configuration conf = new Configuration(false);
        for (String site : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml", "mapred-site.xml")) {
            conf.addResource(new ByteArrayInputStream(files.get(site).getBytes(StandardCharsets.UTF_8)), site);
        }
        return conf;
    }
}
