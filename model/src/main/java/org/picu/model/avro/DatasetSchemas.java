package org.picu.model.avro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.avro.Schema;

/** The Avro schema of each cleaned dataset, loaded once from the {@code .avsc} files beside this class. */
public final class DatasetSchemas {
    public static final Schema MARKET_TICK = load("market_tick.avsc");
    public static final Schema NEWS = load("news.avsc");
    public static final Schema FEAR_GREED = load("fear_greed.avsc");
    public static final Schema CANDLE = load("candle.avsc");
    public static final Schema INDICATOR = load("indicator.avsc");
    public static final Schema NEWS_SENTIMENT = load("news_sentiment.avsc");
    public static final Schema INSIGHT = load("insight.avsc");

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
