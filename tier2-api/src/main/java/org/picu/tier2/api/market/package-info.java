/** Market endpoints over the {@code market_trends} table: {@code /api/market/trends}. */
package org.picu.tier2.api.market;
