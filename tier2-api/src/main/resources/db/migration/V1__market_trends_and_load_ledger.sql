-- Market ticks from the cleaned market_ticks dataset, one row per (source, symbol, exchange time).
-- All DATETIME columns hold UTC; the loader and the API convert explicitly and the JDBC session runs in UTC.
-- source/symbol/quote_currency use a binary collation: they are identifiers, so 'btc' and 'BTC' must not collide.
CREATE TABLE market_trends (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    source              VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    symbol              VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    quote_currency      VARCHAR(10)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    price               DOUBLE       NOT NULL,
    prev_closing_price  DOUBLE       NULL,
    change_24h          DOUBLE       NULL COMMENT 'percent against prev_closing_price',
    volume_24h          DOUBLE       NULL COMMENT 'base units traded over 24 h',
    acc_trade_price_24h DOUBLE       NULL COMMENT 'quote currency traded over 24 h',
    `timestamp`         DATETIME(3)  NOT NULL COMMENT 'exchange time of the observation, UTC',
    crawled_at          DATETIME(3)  NOT NULL COMMENT 'when the worker fetched it, UTC',
    partition_date      DATE         NOT NULL COMMENT 'cleaned partition the row was last loaded from',
    load_run_id         VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'run_id of that partition''s manifest',
    PRIMARY KEY (id),
    UNIQUE KEY uk_market_trends_natural (source, symbol, `timestamp`),
    -- /api/market/trends orders by (timestamp, symbol, source) descending, with or without a symbol filter;
    -- these two indexes let both forms read the newest rows directly instead of sorting.
    KEY ix_market_trends_symbol_time (symbol, `timestamp`, source),
    KEY ix_market_trends_time (`timestamp`, symbol, source),
    -- a new run of a partition removes the rows its predecessor had and it no longer has
    KEY ix_market_trends_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per loaded partition run: the loader skips a (dataset, partition_date, run_id) it finds here.
CREATE TABLE load_ledger (
    dataset        VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    partition_date DATE         NOT NULL,
    run_id         VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    row_count      BIGINT       NOT NULL,
    loaded_at      DATETIME(3)  NOT NULL COMMENT 'UTC',
    PRIMARY KEY (dataset, partition_date, run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
