-- market_trends and candles are read by symbol and time range and written by their natural key, yet V1/V2 clustered
-- them by a surrogate id that nothing reads: every row cost one more B-tree on load, and every range read one
-- primary-key lookup per row through the unique key. Their natural keys become the clustered primary keys, in the
-- column order the API reads them (symbol first, then time), which also makes the symbol-and-time secondary index of
-- market_trends redundant.
--   market_trends: 5 B-trees -> 3 (primary key, ix_market_trends_time, ix_market_trends_partition)
--   candles:       3 B-trees -> 2 (primary key, ix_candles_partition)
-- Uniqueness is unchanged: each primary key has exactly the columns of the unique key it replaces.
ALTER TABLE market_trends
    DROP PRIMARY KEY,
    DROP COLUMN id,
    DROP INDEX uk_market_trends_natural,
    DROP INDEX ix_market_trends_symbol_time,
    ADD PRIMARY KEY (symbol, `timestamp`, source);

ALTER TABLE candles
    DROP PRIMARY KEY,
    DROP COLUMN id,
    DROP INDEX uk_candles_natural,
    ADD PRIMARY KEY (symbol, timeframe, `timestamp`);
