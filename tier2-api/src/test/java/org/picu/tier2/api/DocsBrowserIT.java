package org.picu.tier2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.picu.tier2.load.LoadReport;
import org.picu.tier2.testing.HeadlessChromium;
import org.picu.tier2.testing.MariaDbExtension;
import org.picu.tier2.testing.SeededApi;

/**
 * The API document page in a real browser: headless chromium loads {@code /docs}, Swagger UI (from the web jar,
 * served by the API itself) fetches {@code /openapi.json} and must render every operation of it. The screenshot is
 * kept at {@code target/docs.png}.
 */
class DocsBrowserIT {
    @RegisterExtension
    static final MariaDbExtension MARIADB = new MariaDbExtension();

    private static SeededApi api;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.require();
        api = SeededApi.start(MARIADB, Path.of("target", "partitions", "DocsBrowserIT"),
                dataSource -> () -> new LoadReport(List.of()));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void swagger_ui_renders_every_operation_of_the_document() throws Exception {
        Document dom = Jsoup.parse(HeadlessChromium.dumpDom(api.baseUrl() + "/docs"));
        List<String> expected = new ArrayList<>();
        new ObjectMapper().readTree(api.client().get("/openapi.json").body()).get("paths").fields()
                .forEachRemaining(path -> path.getValue().fieldNames()
                        .forEachRemaining(method -> expected.add(method.toUpperCase() + " " + path.getKey())));
        List<String> rendered = new ArrayList<>();
        dom.select(".opblock")
                .forEach(block ->
                        rendered.add(block.select(".opblock-summary-method").text() + " "
                                + block.select(".opblock-summary-path").attr("data-path")));
        assertTrue(dom.select(".info .title").text().startsWith("PICU tier-2 API"), dom.select(".info").text());
        assertEquals(expected.size(), rendered.size(), "rendered: " + rendered);
        assertTrue(rendered.containsAll(expected), "rendered: " + rendered + ", expected: " + expected);
    }

    @Test
    void a_screenshot_is_saved_under_target() throws Exception {
        Path png = Path.of("target", "docs.png");
        HeadlessChromium.screenshot(api.baseUrl() + "/docs", png, 1400, 1600);
        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 20_000, "a real picture, not a blank page: " + bytes.length + " bytes");
        assertEquals((byte) 0x89, bytes[0]);
    }
}
