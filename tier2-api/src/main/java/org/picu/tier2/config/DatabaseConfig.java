package org.picu.tier2.config;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code database.*}: the MariaDB tier-2 loads into and serves from.
 *
 * @param url JDBC URL ({@code jdbc:mariadb://host:3306/picu}); empty when the embedded server is used
 * @param user database user
 * @param password from {@code database.password} or the environment variable {@code PICU_DB_PASSWORD}
 * @param poolSize connections in the pool shared by the loader and the API
 * @param embedded the embedded server settings
 */
public record DatabaseConfig(
        Optional<String> url, String user, Secret password, int poolSize, EmbeddedDatabaseConfig embedded) {
    public static final int DEFAULT_POOL_SIZE = 4;
    public static final int MAX_POOL_SIZE = 64;
    public static final String URL_PREFIX = "jdbc:mariadb://";
    /** The database the embedded server creates and uses. */
    public static final String EMBEDDED_DATABASE = "picu";

    public DatabaseConfig {
        requireNonNull(url, "url is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
        requireNonNull(embedded, "embedded is null");
        if (embedded.enabled() == url.isPresent()) {
            throw new IllegalArgumentException(
                    "set either database.url or database.embedded.enabled: true, not both or neither");
        }
        url.ifPresent(u -> {
            if (!u.startsWith(URL_PREFIX)) {
                throw new IllegalArgumentException("database.url must start with " + URL_PREFIX);
            }
        });
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException(
                    "database.pool-size must be from 1 to " + MAX_POOL_SIZE + ", got " + poolSize);
        }
    }

    /** Like the generated form, but a password written into the URL ({@code ?password=...}) is masked too. */
    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url.map(u -> u.replaceAll("(?i)(password=)[^&;]*", "$1********")) + ", user="
                + user + ", password=" + password + ", poolSize=" + poolSize + ", embedded=" + embedded + "]";
    }

    /** An external server at {@code url}. */
    public static DatabaseConfig external(String url, String user, Secret password, int poolSize) {
        return new DatabaseConfig(Optional.of(url), user, password, poolSize, EmbeddedDatabaseConfig.disabled());
    }

    /** The embedded server, connected to as its root user. */
    public static DatabaseConfig embedded(EmbeddedDatabaseConfig embedded, int poolSize) {
        return new DatabaseConfig(Optional.empty(), "root", Secret.EMPTY, poolSize, embedded);
    }
}
