/** RSI, MACD and Bollinger bands per symbol and hour over the hourly candles. */
package org.picu.jobs.indicators;
