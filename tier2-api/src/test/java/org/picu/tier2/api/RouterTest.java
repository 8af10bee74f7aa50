package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.testing.ApiClient;

/** The route table and error mapping over real HTTP, with hand-written handlers instead of endpoints. */
class RouterTest {
    private static ApiServer server;
    private static ApiClient client;

    record Greeting(String hello) {
    }

    @BeforeAll
    static void start() throws Exception {
        Router router = Router.builder()
                .get("/hello", request -> ApiResponse.ok(new Greeting(request.query().get("name").orElse("world"))))
                .get("/teapot", request -> new ApiResponse(418, new Greeting("short and stout")))
                .get("/refuse", request -> {
                    throw ApiException.badRequest("size", "size must be small");
                })
                .get("/boom", request -> {
                    throw new IllegalStateException("SELECT password FROM users WHERE id = 1");
                })
                .build();
        server = ApiServer.start(HttpConfig.loopbackAnyPort(), router);
        client = new ApiClient(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void routes_to_the_handler_and_serialises_its_representation() {
        HttpResponse<String> response = client.get("/hello?name=pi");
        assertEquals(200, response.statusCode());
        assertEquals("{\"hello\":\"pi\"}", response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(418, client.get("/teapot").statusCode());
    }

    @Test
    void an_api_exception_becomes_its_status_with_the_field() {
        HttpResponse<String> response = client.get("/refuse");
        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"size must be small\",\"field\":\"size\"}", response.body());
    }

    @Test
    void any_other_exception_is_a_bare_500() {
        HttpResponse<String> response = client.get("/boom");
        assertEquals(500, response.statusCode());
        assertEquals("{\"error\":\"internal error\"}", response.body());
    }

    @Test
    void paths_match_exactly_and_methods_are_checked() {
        assertEquals(404, client.get("/hello/").statusCode());
        assertEquals(404, client.get("/nowhere").statusCode());
        HttpResponse<String> delete = client.send("DELETE", "/hello");
        assertEquals(405, delete.statusCode());
        assertEquals("GET", delete.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> head = client.send("HEAD", "/hello");
        assertEquals(405, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void routes_are_registered_once() {
        Handler handler = request -> ApiResponse.ok(new Greeting("x"));
        assertThrows(IllegalArgumentException.class, () -> Router.builder().get("/a", handler).get("/a", handler));
        assertThrows(IllegalArgumentException.class, () -> Router.builder().get("a", handler));
    }
}
