package org.picu.model.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** The Avro schema of each cleaned dataset, loaded once from the {@code .avsc} files beside this class. */
public final class DatasetSchemas {
    public static final Schema MARKET_TICK = load("market_tick.avsc");

    private DatasetSchemas() {
    }

    private static Schema load(String resource) {
        try (InputStream in = DatasetSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from the model jar");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
