package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.api.docs.OpenApiHandler;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.testing.ApiClient;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.SeededApi;

/**
 * The API document against the API: every answer the server gives (successes and errors of every endpoint over
 * {@code ApiTestData}), every golden file and every example in the document validate against the schema the
 * document gives for that operation and status, with a real JSON Schema 2020-12 validator (OpenAPI 3.1 schemas are
 * JSON Schema). A field added, renamed or made nullable in a representation without the document fails here.
 */
class OpenApiConformanceIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static final String DOCUMENT_URI = "https://picu.example/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SeededApi api;
    private static ApiClient client;
    private static JsonNode document;
    private static SchemaRegistry schemas;

    /** A request, the status it must get, and the path template of its operation in the document. */
    private record Call(String method, String path, Map<String, String> headers, int status, String template) {
        static Call get(String path, int status, String template) {
            return new Call("GET", path, Map.of(), status, template);
        }
    }

    private static final List<Call> CALLS = List.of(
            Call.get("/", 200, "/"),
            Call.get("/health", 200, "/health"),
            Call.get("/api/dashboard/summary", 200, "/api/dashboard/summary"),
            Call.get("/api/dashboard/sentiment-timeline?hours=48", 200, "/api/dashboard/sentiment-timeline"),
            Call.get("/api/dashboard/sentiment-timeline?hours=0", 400, "/api/dashboard/sentiment-timeline"),
            Call.get("/api/news/latest?limit=5", 200, "/api/news/latest"),
            Call.get("/api/news/latest?limit=x", 400, "/api/news/latest"),
            Call.get("/api/news/1/sentiment", 200, "/api/news/{id}/sentiment"),
            Call.get("/api/news/999999/sentiment", 404, "/api/news/{id}/sentiment"),
            Call.get("/api/news/abc/sentiment", 400, "/api/news/{id}/sentiment"),
            Call.get("/api/insights/recent", 200, "/api/insights/recent"),
            Call.get("/api/insights/recent?severity=bad", 400, "/api/insights/recent"),
            new Call("POST", "/api/insights/generate", Map.of(), 401, "/api/insights/generate"),
            new Call(
                    "POST",
                    "/api/insights/generate",
                    Map.of("Authorization", "Bearer " + SeededApi.TOKEN),
                    200,
                    "/api/insights/generate"),
            Call.get("/api/market/trends?symbol=BTC", 200, "/api/market/trends"),
            Call.get("/api/market/trends?symbol=NOPE", 400, "/api/market/trends"),
            Call.get("/api/candles/BTC?limit=3", 200, "/api/candles/{symbol}"),
            Call.get("/api/candles/BTC?from=yesterday", 400, "/api/candles/{symbol}"),
            Call.get("/api/fear-greed?days=3", 200, "/api/fear-greed"),
            Call.get("/api/fear-greed?days=0", 400, "/api/fear-greed"),
            Call.get("/api/technical-indicators/BTC", 200, "/api/technical-indicators/{symbol}"),
            Call.get("/api/technical-indicators/ETH?hours=1", 200, "/api/technical-indicators/{symbol}"),
            Call.get(
                    "/api/technical-indicators/BTC/history?limit=5", 200, "/api/technical-indicators/{symbol}/history"),
            Call.get(
                    "/api/technical-indicators/BTC/history?hours=999",
                    400,
                    "/api/technical-indicators/{symbol}/history"),
            Call.get("/api/alerts", 200, "/api/alerts"),
            Call.get("/api/alerts?status=bad", 400, "/api/alerts"),
            Call.get("/api/pipeline/status", 200, "/api/pipeline/status"),
            Call.get("/openapi.json", 200, "/openapi.json"));

    @BeforeAll
    static void start() throws Exception {
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            document = JSON.readTree(text);
            schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemas(Map.of(DOCUMENT_URI, text)));
        }
        api = SeededApi.start(MARIADB, Path.of("target", "partitions", "OpenApiConformanceIT"),
                dataSource -> () -> new LoadReport(List.of()));
        client = api.client();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void every_answer_of_every_endpoint_matches_its_schema() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> operations = new HashSet<>();
        for (Call call : CALLS) {
            HttpResponse<String> response = client.send(call.method, call.path, call.headers, null);
            assertEquals(call.status, response.statusCode(), call.method + " " + call.path + " -> " + response.body());
            String pointer = responseSchema(call.template, call.method, call.status);
            failures.addAll(validate(pointer, response.body(), call.method + " " + call.path));
            operations.add(call.method + " " + call.template);
        }
        assertEquals(List.of(), failures);
        for (String json : jsonOperations()) {
            assertTrue(operations.contains(json), "no answer of " + json + " is checked here; add a call");
        }
    }

    @Test
    void the_golden_files_match_their_schemas() throws Exception {
        Map<String, String> goldens = Map.ofEntries(Map.entry("/fixtures/api/pipeline-status.expected.json",
                "/api/pipeline/status"), Map.entry("/fixtures/api/summary.expected.json", "/api/dashboard/summary"),
                Map.entry("/fixtures/api/sentiment-timeline.expected.json", "/api/dashboard/sentiment-timeline"),
                Map.entry("/fixtures/api/news-latest.expected.json", "/api/news/latest"),
                Map.entry("/fixtures/api/candles-btc-3.expected.json", "/api/candles/{symbol}"),
                Map.entry("/fixtures/api/fear-greed-3-days.expected.json", "/api/fear-greed"),
                Map.entry("/fixtures/api/indicators-btc.expected.json", "/api/technical-indicators/{symbol}"),
                Map.entry("/fixtures/api/alerts.expected.json", "/api/alerts"),
                Map.entry("/fixtures/market_ticks/upbit-krw-day.trends.expected.json", "/api/market/trends"),
                Map.entry("/fixtures/market_ticks/upbit-krw-day.trends-btc.expected.json", "/api/market/trends"));
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> golden : goldens.entrySet()) {
            try (InputStream in = OpenApiConformanceIT.class.getResourceAsStream(golden.getKey())) {
                assertNotNull(in, golden.getKey());
                failures.addAll(validate(responseSchema(golden.getValue(), "GET", 200),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), golden.getKey()));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void every_operation_has_an_id_and_every_json_answer_a_real_schema_and_a_valid_example() throws Exception {
        Set<String> ids = new HashSet<>();
        List<String> failures = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                assertFalse(id.isEmpty(), name + " has no operationId");
                assertTrue(ids.add(id), "operationId " + id + " is used twice");
                for (Iterator<Map.Entry<String, JsonNode>> responses = op.getValue().get("responses").fields();
                        responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    JsonNode json = response.getValue().path("content").path("application/json");
                    if (json.isMissingNode()) {
                        continue;
                    }
                    String where = name + " " + response.getKey();
                    assertFalse(json.get("schema").equals(JSON.readTree("{\"type\":\"object\"}")),
                            where + " says only 'an object'");
                    assertTrue(json.has("example"), where + " has no example");
                    String pointer = responseSchema(path.getKey(), op.getKey(), Integer.parseInt(response.getKey()));
                    failures.addAll(
                            validate(pointer, JSON.writeValueAsString(json.get("example")), where + " example"));
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void the_check_fails_on_an_answer_that_drifted_from_the_document() {
        String trends = responseSchema("/api/market/trends", "GET", 200);
        assertEquals(List.of(), validate(trends, "{\"trends\":[]}", "empty"));
        assertFalse(validate(trends, "{\"trends\":[{\"symbol\":\"BTC\"}]}", "fields missing").isEmpty());
        assertFalse(validate(trends, "{\"trends\":[],\"extra\":1}", "unknown field").isEmpty());
        assertFalse(validate(responseSchema("/api/candles/{symbol}", "GET", 400), "{\"field\":\"limit\"}",
                "error without its message").isEmpty());
        assertFalse(validate(responseSchema("/api/fear-greed", "GET", 200),
                "{\"latest\":{\"timestamp\":\"x\",\"value\":\"72\",\"classification\":\"Greed\",\"source\":\"f\"},"
                + "\"history\":[]}", "a number sent as text").isEmpty());
    }

    /** Every operation answering JSON, as "METHOD template". */
    private static List<String> jsonOperations() {
        List<String> result = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!op.getValue().at("/responses/200/content/application~1json").isMissingNode()) {
                result.add(op.getKey().toUpperCase() + " " + path.getKey());
            }
        }));
        return result;
    }

    /** The JSON pointer of the schema for one operation's answer with {@code status}; fails if there is none. */
    private static String responseSchema(String template, String method, int status) {
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase() + "/responses/" + status
                + "/content/application~1json/schema";
        assertFalse(document.at(pointer).isMissingNode(), "openapi.json has no schema at " + pointer);
        return pointer;
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> validate(String pointer, String body, String what) {
        String fragment = pointer.replace("{", "%7B").replace("}", "%7D");
        Schema schema = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + fragment));
        List<String> problems = new ArrayList<>();
        for (Error error : schema.validate(body, InputFormat.JSON)) {
            problems.add(what + ": " + error);
        }
        return problems;
    }
}
