/** Technical indicator endpoints over {@code technical_indicators} (1 h timeframe): latest values and history. */
package org.picu.tier2.api.indicators;
