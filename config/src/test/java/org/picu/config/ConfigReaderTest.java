package org.picu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {
    private static final Set<String> TOP = Set.of("http", "db");
    private static final Set<String> HTTP = Set.of("port", "timeout", "base", "dir", "properties");

    @TempDir
    Path dir;

    @Test
    void typed_values_are_read_and_relative_paths_resolve_against_the_files_directory() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yml"), """
            http:
              port: "8080"
              timeout: pt5m
              base: hdfs://master:9000
              dir: data/spool
              properties: {a.b: 1, c: text}
            """);
        ConfigReader reader = ConfigReader.read(file, "copy app-example.yml");
        JsonNode http = reader.section(reader.root(TOP), "http", "http", HTTP);

        assertEquals(8080, reader.integer(http, "port", "http.port", 1, 0, 65535), "a quoted number is a number");
        assertEquals(Optional.of(Duration.ofMinutes(5)),
                reader.duration(http, "timeout", "http.timeout", Duration.ZERO, Duration.ofHours(1)));
        assertEquals(
                Optional.of(URI.create("hdfs://master:9000")), reader.uri(http, "base", "http.base", "hdfs://h:9000"));
        assertEquals(Optional.of(dir.resolve("data/spool")), reader.path(http, "dir", "http.dir"));
        assertEquals(Map.of("a.b", "1", "c", "text"), reader.stringMap(http, "properties", "http.properties"));
        assertEquals(List.of(), reader.problems());
    }

    @Test
    void every_problem_is_collected_each_naming_its_key_and_unknown_keys_get_a_hint() {
        ConfigReader reader = ConfigReader.parse("""
            http:
              prot: 80
              port: many
              timeout: soon
              base: no-scheme
            logging: verbose
            """, dir);
        JsonNode http = reader.section(reader.root(TOP), "http", "http", HTTP);
        reader.integer(http, "port", "http.port", 1, 0, 65535);
        reader.duration(http, "timeout", "http.timeout", Duration.ZERO, Duration.ofHours(1));
        reader.uri(http, "base", "http.base", "hdfs://master:9000");

        assertTrue(reader.readable());
        List<String> problems = reader.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.contains("unknown key 'http.prot' (did you mean 'http.port'?)"), problems.toString());
        assertTrue(problems.contains("unknown key 'logging'; known keys here: db, http"), problems.toString());
        assertTrue(
                problems.contains("http.port must be a whole number from 0 to 65535, got 'many'"), problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("http.timeout must be an ISO-8601 duration")),
                problems.toString());
        assertTrue(
                problems.contains("http.base must be a URI with a scheme such as hdfs://master:9000, got 'no-scheme'"),
                problems.toString());
    }

    @Test
    void a_secret_of_the_wrong_shape_is_reported_without_its_value() {
        ConfigReader reader = ConfigReader.parse("db: {password: [hunter2]}", dir);
        JsonNode db = reader.section(reader.root(TOP), "db", "db", Set.of("password"));
        assertEquals(Optional.empty(), reader.secret(db, "password", "db.password"));
        assertEquals(List.of("db.password must be a single text value"), reader.problems());
        assertFalse(reader.problems().toString().contains("hunter2"));
    }

    @Test
    void a_repeated_key_is_an_error_not_a_silent_choice() {
        ConfigReader reader = ConfigReader.parse("http:\n  port: 1\n  port: 2\n", dir);
        assertFalse(reader.readable());
        assertTrue(reader.problems().get(0).contains("Duplicate field 'port'"), reader.problems().toString());
    }

    @Test
    void an_empty_file_has_every_default_and_a_missing_one_says_how_to_fix_it() {
        ConfigReader empty = ConfigReader.parse("# nothing but a comment\n", dir);
        assertTrue(empty.readable());
        assertEquals(7, empty.integer(empty.root(TOP), "port", "port", 7, 0, 10));
        assertEquals(List.of(), empty.problems());

        ConfigReader missing = ConfigReader.read(dir.resolve("nope.yml"), "copy app-example.yml and edit it");
        assertFalse(missing.readable());
        assertEquals(List.of("no such file; copy app-example.yml and edit it"), missing.problems());

        ConfigReader list = ConfigReader.parse("- a\n- b\n", dir);
        assertFalse(list.readable());
        assertTrue(list.problems().get(0).startsWith("the top level must be a mapping"), list.problems().toString());
    }
}
