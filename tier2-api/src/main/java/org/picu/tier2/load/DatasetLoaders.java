package org.picu.tier2.load;

import java.util.List;

/** The registry of dataset loaders: a new table adds its loader here (and a migration). */
public final class DatasetLoaders {
    private DatasetLoaders() {
    }

    /**
     * Every dataset, in load order: news before its sentiment and the insights that cite it, ticks before the
     * candles and indicators derived from them, so that a reader never sees a derived row before its source.
     */
    public static List<DatasetLoader> all() {
        return List.of(new NewsLoader(), new NewsSentimentLoader(), new FearGreedLoader(), new MarketTicksLoader(),
                new CandlesLoader(), new IndicatorsLoader(), new InsightsLoader());
    }
}
