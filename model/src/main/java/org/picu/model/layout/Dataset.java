package org.picu.model.layout;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A cleaned dataset published under {@code /cleaned/<name>/<YYYYMMDD>/}. */
public enum Dataset {
    MARKET_TICKS("market_ticks", List.of("upbit"));

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

    /** The raw sources whose files feed this dataset by default. */
    public List<String> rawSources() {
        return rawSources;
    }

    public static Optional<Dataset> fromDirName(String name) {
        return Arrays.stream(values()).filter(d -> d.dirName.equals(name)).findFirst();
    }
}
