-- The other cleaned datasets, one table each (the tier-2 database contract; market_trends and load_ledger are V1).
-- Conventions as in V1: UTC in every DATETIME(3); identifiers (keys, sources, symbols, timeframes) use a binary
-- collation so that 'btc' and 'BTC' never collide; partition_date and load_run_id say which published partition run
-- a row was last loaded from, so a re-run of a day can remove the rows its predecessor had and it no longer has.
-- partition_date is a DATE and load_run_id a VARCHAR(100), exactly as market_trends and load_ledger store them.

-- cleaned dataset news; news_key is NewsArticle.id (SHA-256 hex). id stays stable across reloads because the
-- loader upserts by news_key, so the API can hand it out.
CREATE TABLE news (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    news_key       CHAR(64)      CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    source         VARCHAR(50)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    title          VARCHAR(500)  NOT NULL,
    url            VARCHAR(2048) NULL,
    content        MEDIUMTEXT    NULL,
    published_at   DATETIME(3)   NULL COMMENT 'UTC',
    keywords       JSON          NOT NULL COMMENT 'array of strings',
    language       VARCHAR(8)    NULL,
    crawled_at     DATETIME(3)   NOT NULL COMMENT 'UTC',
    partition_date DATE          NOT NULL,
    load_run_id    VARCHAR(100)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_news_key (news_key),
    KEY ix_news_published (published_at),
    KEY ix_news_source_published (source, published_at),
    KEY ix_news_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- cleaned dataset news_sentiment, one row per news item (news_key = NewsSentiment.news_id = news.news_key).
CREATE TABLE news_sentiment (
    news_key        CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    score           DOUBLE       NOT NULL COMMENT '-1..1',
    label           VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'positive, negative or neutral',
    confidence      DOUBLE       NOT NULL COMMENT '0..1',
    matched_terms   JSON         NOT NULL COMMENT 'array of strings',
    lexicon_version VARCHAR(32)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    published_at    DATETIME(3)  NULL COMMENT 'UTC, of the news item',
    analyzed_at     DATETIME(3)  NOT NULL COMMENT 'UTC',
    partition_date  DATE         NOT NULL,
    load_run_id     VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (news_key),
    KEY ix_news_sentiment_published (published_at),
    KEY ix_news_sentiment_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- cleaned dataset fear_greed, one row per index time.
CREATE TABLE fear_greed_index (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    `timestamp`    DATETIME(3)  NOT NULL COMMENT 'the index''s own time, UTC',
    value          INT          NOT NULL COMMENT '0-100',
    classification VARCHAR(20)  NOT NULL,
    source         VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    crawled_at     DATETIME(3)  NOT NULL COMMENT 'UTC',
    partition_date DATE         NOT NULL,
    load_run_id    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_fear_greed_timestamp (`timestamp`),
    KEY ix_fear_greed_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- cleaned dataset candles_1h. The unique key also serves /api/candles/{symbol}?timeframe=&from=&to= range reads.
CREATE TABLE candles (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    source         VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    symbol         VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    timeframe      VARCHAR(8)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `timestamp`    DATETIME(3)  NOT NULL COMMENT 'start of the bucket, UTC',
    open           DOUBLE       NOT NULL,
    high           DOUBLE       NOT NULL,
    low            DOUBLE       NOT NULL,
    close          DOUBLE       NOT NULL,
    volume         DOUBLE       NULL COMMENT 'base units traded in the bucket',
    tick_count     INT          NOT NULL,
    partition_date DATE         NOT NULL,
    load_run_id    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_candles_natural (symbol, timeframe, `timestamp`),
    KEY ix_candles_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- cleaned dataset indicators. The unique key serves latest-per-symbol and history reads.
CREATE TABLE technical_indicators (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    source         VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    symbol         VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    timeframe      VARCHAR(8)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    `timestamp`    DATETIME(3)  NOT NULL COMMENT 'start of the candle the values are computed at, UTC',
    close          DOUBLE       NOT NULL,
    rsi            DOUBLE       NULL COMMENT 'RSI 14',
    macd           DOUBLE       NULL,
    macd_signal    DOUBLE       NULL,
    macd_histogram DOUBLE       NULL,
    bb_upper       DOUBLE       NULL,
    bb_middle      DOUBLE       NULL,
    bb_lower       DOUBLE       NULL,
    volume         DOUBLE       NULL,
    partition_date DATE         NOT NULL,
    load_run_id    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_indicators_natural (symbol, timeframe, `timestamp`),
    KEY ix_indicators_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- cleaned dataset insights, deduplicated per (type, symbol, window).
CREATE TABLE crypto_insights (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    insight_type   VARCHAR(50)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    symbol         VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    window_start   DATETIME(3)  NOT NULL COMMENT 'UTC',
    window_end     DATETIME(3)  NOT NULL COMMENT 'UTC',
    severity       VARCHAR(20)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL COMMENT 'normal, warning or critical',
    description    TEXT         NOT NULL,
    value          DOUBLE       NOT NULL,
    threshold      DOUBLE       NOT NULL,
    related_news   JSON         NOT NULL COMMENT 'array of news.news_key',
    created_at     DATETIME(3)  NOT NULL COMMENT 'UTC',
    partition_date DATE         NOT NULL,
    load_run_id    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_insights_natural (insight_type, symbol, window_start),
    KEY ix_insights_created (created_at),
    KEY ix_insights_partition (partition_date, load_run_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
