package org.picu.tier2.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Tier2ConfigParserTest {
    private static final Path BASE = Path.of("/etc/picu");

    private static Tier2Config parse(String yaml, Map<String, String> env) {
        return Tier2ConfigParser.parse(yaml, "test.yml", BASE, env);
    }

    private static Tier2Config parse(String yaml) {
        return parse(yaml, Map.of());
    }

    private static List<String> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).problems();
    }

    @Test
    void minimal_external_config_gets_the_documented_defaults() {
        Tier2Config config = parse("""
            database:
              url: jdbc:mariadb://db:3306/picu
              user: picu
            """);
        assertEquals(Optional.of("jdbc:mariadb://db:3306/picu"), config.database().url());
        assertEquals("picu", config.database().user());
        assertEquals(Secret.EMPTY, config.database().password());
        assertEquals(DatabaseConfig.DEFAULT_POOL_SIZE, config.database().poolSize());
        assertFalse(config.database().embedded().enabled());
        assertEquals(new HdfsConfig(Optional.empty(), "/", Optional.empty()), config.hdfs());
        assertEquals(new HttpConfig("127.0.0.1", 5000, 8), config.http());
        assertEquals(new LoadConfig(1000), config.load());
    }

    @Test
    void every_key_maps_to_its_record_field() {
        Tier2Config config = parse("""
            database:
              url: jdbc:mariadb://db:3306/picu
              user: picu
              password: s3cret
              pool-size: 7
            hdfs:
              uri: hdfs://master:9000
              root: /picu
            http:
              bind: 0.0.0.0
              port: 8080
              threads: 3
            load:
              batch-size: 250
            """);
        assertEquals(new Secret("s3cret"), config.database().password());
        assertEquals(7, config.database().poolSize());
        assertEquals(Optional.of(URI.create("hdfs://master:9000")), config.hdfs().uri());
        assertEquals("/picu", config.hdfs().root());
        assertEquals(new HttpConfig("0.0.0.0", 8080, 3), config.http());
        assertEquals(250, config.load().batchSize());
    }

    @Test
    void embedded_database_paths_resolve_against_the_config_files_directory() {
        Tier2Config config = parse("""
            database:
              embedded:
                enabled: true
                base-dir: data/mariadb
                port: 3307
                system-binaries: true
                server-options: [--innodb-buffer-pool-size=1G, --innodb-log-file-size=1G]
            hdfs:
              root: file:/var/picu
            """);
        EmbeddedDatabaseConfig embedded = config.database().embedded();
        assertTrue(embedded.enabled());
        assertEquals(Optional.of(BASE.resolve("data/mariadb")), embedded.baseDir());
        assertEquals(3307, embedded.port());
        assertTrue(embedded.preferSystemBinaries());
        assertEquals(List.of("--innodb-buffer-pool-size=1G", "--innodb-log-file-size=1G"), embedded.serverOptions());
        assertEquals(Optional.empty(), config.database().url());
        assertEquals("file:/var/picu", config.hdfs().root());
    }

    @Test
    void the_environment_password_wins_and_is_never_printed() {
        Tier2Config config = parse("""
            database:
              url: jdbc:mariadb://db:3306/picu
              user: picu
              password: from-file
            """, Map.of(Tier2ConfigParser.PASSWORD_ENV, "from-env"));
        assertEquals("from-env", config.database().password().value());
        assertFalse(config.toString().contains("from-env"), config.toString());
        assertTrue(config.toString().contains("********"));
    }

    @Test
    void a_password_inside_the_url_is_masked_when_the_config_is_printed() {
        Tier2Config config = parse("""
            database:
              url: jdbc:mariadb://db:3306/picu?user=picu&password=hunter2&sslMode=verify-full
              user: picu
            """);
        assertFalse(config.toString().contains("hunter2"), config.toString());
        assertTrue(config.toString().contains("password=********&sslMode=verify-full"), config.toString());
    }

    @Test
    void all_problems_are_reported_at_once() {
        List<String> problems = problems("""
            database:
              user: picu
              pool_size: 3
              pool-size: many
            hdfs:
              uri: not a uri
              root: relative/dir
            http:
              port: 70000
            load:
              batch-size: 0
            logging: verbose
            """);
        assertEquals(8, problems.size(), String.join("\n", problems));
        assertTrue(
                problems.contains("unknown key 'database.pool_size' (did you mean 'database.pool-size'?)"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("unknown key 'logging'")), problems.toString());
        assertTrue(
                problems.contains("database.pool-size must be a whole number from 1 to 64, got 'many'"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("database.url is required")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("hdfs.uri must be a URI")), problems.toString());
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("hdfs.root must be an absolute path")),
                problems.toString());
        assertTrue(
                problems.contains("http.port must be a whole number from 0 to 65535, got '70000'"),
                problems.toString());
        assertTrue(
                problems.contains("load.batch-size must be a whole number from 1 to 100000, got '0'"),
                problems.toString());
    }

    @Test
    void embedded_mode_refuses_an_external_url_and_needs_a_base_dir() {
        List<String> problems = problems("""
            database:
              url: jdbc:mariadb://db:3306/picu
              embedded:
                enabled: yes please
            """);
        assertTrue(
                problems.contains("database.embedded.enabled must be true or false, got 'yes please'"),
                problems.toString());

        problems = problems("""
            database:
              url: jdbc:mariadb://db:3306/picu
              embedded:
                enabled: true
            """);
        assertTrue(
                problems.stream().anyMatch(p -> p.startsWith("database.embedded.base-dir is required")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("database.url must not be set")), problems.toString());
    }

    @Test
    void a_wrongly_typed_password_is_reported_without_its_value() {
        List<String> problems = problems("""
            database:
              url: jdbc:mariadb://db:3306/picu
              user: picu
              password: [hunter2]
            """);
        assertEquals(List.of("database.password must be a single text value"), problems);
    }

    @Test
    void url_must_be_a_mariadb_jdbc_url() {
        assertEquals(
                List.of("database.url must start with jdbc:mariadb://, got 'postgresql://db/picu'"), problems("""
                    database:
                      url: postgresql://db/picu
                      user: picu
                    """));
    }

    @Test
    void broken_yaml_and_duplicate_keys_are_reported_with_the_source() {
        ConfigException broken = assertThrows(ConfigException.class, () -> parse("database: [unclosed"));
        assertTrue(broken.getMessage().startsWith("configuration test.yml has 1 problem:"), broken.getMessage());

        List<String> duplicate = problems("""
            http:
              port: 1
              port: 2
            """);
        assertTrue(duplicate.get(0).contains("Duplicate field 'port'"), duplicate.toString());
    }

    @Test
    void a_missing_file_says_how_to_fix_it() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> Tier2ConfigParser.parse(Path.of("target", "no-such-config.yml"), Map.of()));
        assertTrue(e.problems().get(0).contains("--config"), e.getMessage());
    }

    @Test
    void the_shipped_example_is_valid() throws Exception {
        Path example = Path.of(Tier2ConfigParserTest.class.getResource("/tier2-example.yml").toURI());
        Tier2Config config = Tier2ConfigParser.parse(example, Map.of());
        assertEquals(Optional.of("jdbc:mariadb://127.0.0.1:3306/picu"), config.database().url());
    }
}
