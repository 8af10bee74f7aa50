package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.picu.tier2.api.docs.OpenApiHandler;

/** The hand-written OpenAPI document lists exactly the routed paths, so a new endpoint cannot go undocumented. */
class OpenApiDocumentTest {
    @Test
    void every_routed_path_is_documented_and_nothing_else() throws Exception {
        JsonNode document;
        try (InputStream in = OpenApiHandler.class.getResourceAsStream(OpenApiHandler.RESOURCE)) {
            document = new ObjectMapper().readTree(in);
        }
        assertEquals("3.1.0", document.get("openapi").asText());
        List<String> documented = new ArrayList<>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);
        // the pool is never opened: building routes touches no database
        try (HikariDataSource unused = new HikariDataSource()) {
            List<String> routed = ApiRoutes.standard(unused, "test").paths();
            for (String path : routed) {
                assertTrue(documented.contains(path), "routed but not in openapi.json: " + path);
            }
            for (String path : documented) {
                assertTrue(routed.contains(path), "in openapi.json but not routed: " + path);
            }
        }
        assertTrue(document.at("/paths/~1api~1insights~1generate/post/security").isArray(), "generate needs the token");
    }
}
