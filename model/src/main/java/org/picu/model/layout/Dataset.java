package org.picu.model.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A cleaned dataset published under {@code /cleaned/<name>/<YYYYMMDD>/}. */
public enum Dataset {
    MARKET_TICKS("market_ticks", List.of("upbit")),
    NEWS("news", List.of("coinness", "saveticker", "perplexity", "declarative")),
    FEAR_GREED("fear_greed", List.of("fear_greed")),
    CANDLES_1H("candles_1h", List.of()),
    INDICATORS("indicators", List.of()),
    NEWS_SENTIMENT("news_sentiment", List.of()),
    INSIGHTS("insights", List.of());

    private final String dirName;
    private final List<String> rawSources;

    Dataset(String dirName, List<String> rawSources) {
        this.dirName = dirName;
        this.rawSources = rawSources;
    }

    /** The directory name under {@code /cleaned}. */
    public String dirName() {
        return dirName;
    }

    /**
     * The raw sources whose files feed this dataset by default (the cleaning jobs' {@code picu.clean-*.sources}
     * defaults); empty for datasets derived from other datasets.
     */
    public List<String> rawSources() {
        return rawSources;
    }

    public static Optional<Dataset> fromDirName(String name) {
        return Arrays.stream(values()).filter(d -> d.dirName.equals(name)).findFirst();
    }
}
