/** Hourly OHLCV candles from cleaned market ticks, built with a secondary sort. */
package org.picu.jobs.candles;
