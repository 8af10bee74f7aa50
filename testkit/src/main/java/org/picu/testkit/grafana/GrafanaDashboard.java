package org.picu.testkit.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Grafana dashboard an operator imports ({@code conf/grafana/picu-dashboard.json}) as its PromQL queries, for
 * tests that check every metric a query names against a scrape of a real running process: each query belongs to
 * the scrape job its {@code job="..."} matcher names, a query without one (JVM and process panels) to every job.
 */
public final class GrafanaDashboard {
    /** Function names and keywords the dashboard's queries use: not metric names. */
    private static final Set<String> NOT_METRICS = Set.of("sum", "by", "without", "rate", "increase", "max", "min",
            "avg", "histogram_quantile", "time");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern JOB = Pattern.compile("job\\s*=\\s*\"([^\"]+)\"");

    private final String uid;
    private final List<String> queries;

    private GrafanaDashboard(String uid, List<String> queries) {
        this.uid = uid;
        this.queries = List.copyOf(queries);
    }

    /** Reads a dashboard JSON file. */
    public static GrafanaDashboard read(Path file) throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
        List<String> queries = new ArrayList<>();
        dashboard
                .get("panels")
                .forEach(panel -> panel.get("targets")
                        .forEach(t -> queries.add(t.get("expr").asText())));
        return new GrafanaDashboard(dashboard.path("uid").asText(), queries);
    }

    public String uid() {
        return uid;
    }

    public List<String> queries() {
        return queries;
    }

    /** The queries for one scrape job: those naming it and those naming no job. */
    public List<String> queriesOf(String job) {
        return queries.stream().filter(q -> jobOf(q).map(job::equals).orElse(true)).toList();
    }

    /** The job a query's label matcher names, if any. */
    public static Optional<String> jobOf(String query) {
        Matcher m = JOB.matcher(query);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /**
     * The metric names a query uses: identifiers outside label matchers, ranges and grouping clauses
     * ({@code by (...)}), less function names.
     */
    public static Set<String> metricNames(String query) {
        String outside = query.replaceAll("\\{[^}]*\\}", " ").replaceAll("\\[[^]]*\\]", " ")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(outside);
        while (m.find()) {
            if (!NOT_METRICS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names of a Prometheus text exposition (sample lines, not comments). */
    public static Set<String> exposedNames(String scrape) {
        Set<String> exposed = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                exposed.add(line.split("[{ ]", 2)[0]);
            }
        }
        return exposed;
    }

    /**
     * The problems of {@code job}'s queries against a scrape of that job's process: a query that names no metric, or
     * one the scrape lacks. Empty when every query of the job can be answered.
     */
    public List<String> problems(String job, String scrape) {
        Set<String> exposed = exposedNames(scrape);
        List<String> problems = new ArrayList<>();
        for (String query : queriesOf(job)) {
            Set<String> names = metricNames(query);
            if (names.isEmpty()) {
                problems.add("no metric in '" + query + "'");
            }
            for (String name : names) {
                if (!exposed.contains(name)) {
                    problems.add(name + " in '" + query + "' is not exposed by " + job);
                }
            }
        }
        return problems;
    }
}
