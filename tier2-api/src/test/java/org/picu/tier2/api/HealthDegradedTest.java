package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.picu.tier2.config.HttpConfig;
import org.picu.tier2.testing.ApiClient;

/** /health when the database cannot be reached: a real driver failing against a port nobody listens on. */
class HealthDegradedTest {
    // Regression for a defect of the original system: /health returned the raw database error text.
    @Test
    void health_is_503_degraded_without_any_error_text() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl("jdbc:mariadb://127.0.0.1:" + deadPort + "/picu");
        pool.setUsername("secret-user");
        pool.setPassword("secret-password");
        pool.setConnectionTimeout(250);
        pool.setInitializationFailTimeout(-1); // the database is down from the start
        try (HikariDataSource dataSource = new HikariDataSource(pool);
                ApiServer api = ApiServer.start(HttpConfig.loopbackAnyPort(), ApiRoutes.standard(dataSource, "test"))) {
            HttpResponse<String> response = new ApiClient(api.baseUrl()).get("/health");

            assertEquals(503, response.statusCode());
            JsonNode body = ApiClient.json(response);
            assertEquals("degraded", body.get("status").asText());
            assertEquals("disconnected", body.get("database").asText());
            assertEquals(3, body.size(), "status, database and timestamp only: " + response.body());
        }
    }
}
