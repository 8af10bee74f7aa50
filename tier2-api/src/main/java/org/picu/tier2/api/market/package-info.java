/**
 * Market endpoints: {@code /api/market/trends} ({@code market_trends}), {@code /api/candles/{symbol}}
 * ({@code candles}), {@code /api/fear-greed} ({@code fear_greed_index}), and the symbol checks they share.
 */
package org.picu.tier2.api.market;
