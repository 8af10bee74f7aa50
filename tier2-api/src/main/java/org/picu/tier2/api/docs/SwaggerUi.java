package org.picu.tier2.api.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Where the swagger-ui web jar keeps its files: {@code META-INF/resources/webjars/swagger-ui/<version>/}. */
public final class SwaggerUi {
    private static final String POM = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private SwaggerUi() {
    }

    /** The class-path location of {@code file} in the web jar, e.g. {@code swagger-ui-bundle.js}. */
    public static String resource(String file) {
        return "/META-INF/resources/webjars/swagger-ui/" + version() + "/" + file;
    }

    private static String version() {
        try (InputStream in = SwaggerUi.class.getResourceAsStream(POM)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui web jar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM, e);
        }
    }
}
