package org.picu.model.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.picu.model.BuiltInSource;
import org.picu.model.RecordKind;

/** A cleaned dataset published under {@code /cleaned/<name>/<YYYYMMDD>/}. */
public enum Dataset {
    MARKET_TICKS("market_ticks", RecordKind.MARKET_TICK),
    /** Also reads a raw source named {@code declarative}; other declarative sources are added by configuration. */
    NEWS("news", RecordKind.NEWS, "declarative"),
    FEAR_GREED("fear_greed", RecordKind.FEAR_GREED),
    CANDLES_1H("candles_1h", null),
    INDICATORS("indicators", null),
    NEWS_SENTIMENT("news_sentiment", null),
    INSIGHTS("insights", null);

    private final String dirName;
    private final List<String> rawSources;

    Dataset(String dirName, RecordKind kind, String... moreSources) {
        this.dirName = dirName;
        List<String> sources = new ArrayList<>(kind == null ? List.of() : BuiltInSource.namesOf(kind));
        sources.addAll(List.of(moreSources));
        this.rawSources = List.copyOf(sources);
    }

    /** The directory name under {@code /cleaned}. */
    public String dirName() {
        return dirName;
    }

    /**
     * The raw sources whose files feed this dataset by default (the cleaning jobs' {@code picu.clean-*.sources}
     * defaults): the built-in sources of the dataset's record kind; empty for datasets derived from other
     * datasets.
     */
    public List<String> rawSources() {
        return rawSources;
    }

    public static Optional<Dataset> fromDirName(String name) {
        return Arrays.stream(values()).filter(d -> d.dirName.equals(name)).findFirst();
    }
}
