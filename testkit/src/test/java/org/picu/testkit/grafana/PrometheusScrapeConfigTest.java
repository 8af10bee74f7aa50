package org.picu.testkit.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus scrape configuration ({@code conf/prometheus/prometheus.yml}) against what the rest of the
 * repository provisions: the example inventory's hosts, the ports Ansible and the Pi profile give each daemon, and
 * the jobs the Grafana dashboard's queries select. Changing a port or a host in one place and not the other fails here.
 */
class PrometheusScrapeConfigTest {
    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void every_job_scrapes_the_inventory_hosts_on_the_ports_they_are_provisioned_with() throws IOException {
        JsonNode hosts = YAML.readTree(ROOT.resolve("ansible/inventory/example/hosts.yml").toFile())
                .path("all").path("children");
        JsonNode profile = YAML.readTree(ROOT.resolve("conf/hadoop/profiles/pi4-cluster.yml").toFile());
        String workerPort = value("ansible/roles/worker/defaults/main.yml", "worker_metrics_port");
        String masterPort = value("ansible/roles/master/defaults/main.yml", "master_metrics_port");
        String apiPort = value("ansible/group_vars/tier2.yml", "tier2_api_port");

        Map<String, Set<String>> expected = new TreeMap<>();
        expected.put("picu-tier2 /metrics", targets(hosts, "tier2", apiPort));
        expected.put("picu-worker /metrics", targets(hosts, "workers", workerPort));
        expected.put("picu-master /metrics", targets(hosts, "master", masterPort));
        expected.put("hadoop-namenode /prom", targets(hosts, "master", profile.path("namenode_http_port").asText()));
        expected.put("hadoop-resourcemanager /prom", targets(hosts, "master", profile.path("rm_webapp_port").asText()));
        expected.put("hadoop-datanode /prom", targets(hosts, "workers", profile.path("datanode_http_port").asText()));
        expected.put("hadoop-nodemanager /prom", targets(hosts, "workers", profile.path("nm_webapp_port").asText()));

        assertEquals(expected, scrapeJobs());
        assertTrue(profile.path("prometheus_endpoint_enabled").asBoolean(),
                "the Pi profile must switch on Hadoop's /prom endpoint the hadoop-* jobs scrape");
    }

    @Test
    void every_job_the_dashboard_selects_is_scraped() throws IOException {
        GrafanaDashboard dashboard = GrafanaDashboard.read(ROOT.resolve("conf/grafana/picu-dashboard.json"));
        Set<String> scraped = new TreeSet<>();
        scrapeJobs().keySet().forEach(job -> scraped.add(job.substring(0, job.indexOf(' '))));
        List<String> unscraped = new ArrayList<>();
        for (String query : dashboard.queries()) {
            GrafanaDashboard.jobOf(query).filter(job -> !scraped.contains(job)).ifPresent(job -> unscraped.add(
                    job + " in " + query));
        }
        assertEquals(List.of(), unscraped);
        assertTrue(dashboard.queries().stream().anyMatch(q -> GrafanaDashboard.jobOf(q).isPresent()),
                "the dashboard selects jobs by name");
    }

    /** job name and metrics path → its targets, as Prometheus reads the file. */
    private static Map<String, Set<String>> scrapeJobs() throws IOException {
        JsonNode config = YAML.readTree(ROOT.resolve("conf/prometheus/prometheus.yml").toFile());
        Map<String, Set<String>> jobs = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            Set<String> targets = new TreeSet<>();
            for (JsonNode group : job.path("static_configs")) {
                group.path("targets").forEach(target -> targets.add(target.asText()));
            }
            String key = job.path("job_name").asText() + " " + job.path("metrics_path").asText("/metrics");
            assertEquals(null, jobs.put(key, targets), "job listed twice: " + key);
        }
        return jobs;
    }

    private static Set<String> targets(JsonNode groups, String group, String port) {
        Set<String> targets = new TreeSet<>();
        groups.path(group).path("hosts").fieldNames().forEachRemaining(host -> targets.add(host + ":" + port));
        assertTrue(!targets.isEmpty() && !port.isEmpty(), "no hosts or no port for group " + group);
        return targets;
    }

    private static String value(String file, String key) throws IOException {
        Map<String, Object> values = YAML.readValue(ROOT.resolve(file).toFile(), LinkedHashMap.class);
        Object value = values.get(key);
        assertTrue(value != null, key + " missing in " + file);
        return value.toString();
    }
}
