package org.picu.testkit.grafana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrafanaDashboardTest {
    @Test
    void metric_names_leave_out_functions_matchers_ranges_groupings_and_numbers() {
        assertEquals(
                Set.of("picu_http_requests_seconds_bucket"),
                GrafanaDashboard.metricNames("histogram_quantile(0.99, sum by (le, route)"
                        + " (rate(picu_http_requests_seconds_bucket{job=\"picu-tier2\"}[5m])))"));
        assertEquals(Set.of("a_sum", "a_count"), GrafanaDashboard.metricNames(
                "sum by (mr_job) (rate(a_sum{job=\"x\"}[1h])) / sum by (mr_job) (rate(a_count{job=\"x\"}[1h]))"));
        assertEquals(
                Optional.of("picu-worker"),
                GrafanaDashboard.jobOf("picu_worker_upload_lag_seconds{job=\"picu-worker\"}"));
        assertEquals(Optional.empty(), GrafanaDashboard.jobOf("process_cpu_usage"));
    }

    @Test
    void a_query_for_a_metric_the_scrape_lacks_is_a_problem_and_other_jobs_queries_are_not_checked() throws Exception {
        GrafanaDashboard dashboard = GrafanaDashboard.read(Path.of("..", "conf", "grafana", "picu-dashboard.json"));
        String scrape = "# HELP x\nprocess_cpu_usage 0.1\njvm_memory_used_bytes{area=\"heap\"} 5.0\n";
        List<String> problems = dashboard.problems("picu-worker", scrape);
        assertEquals(
                true,
                problems.stream().anyMatch(p -> p.startsWith("picu_worker_upload_lag_seconds in ")),
                problems.toString());
        assertEquals(true, problems.stream().noneMatch(p -> p.startsWith("picu_master_") || p.startsWith("picu_http_")),
                problems.toString());
        assertEquals(true, problems.stream().noneMatch(p -> p.startsWith("process_cpu_usage ")), problems.toString());
    }
}
