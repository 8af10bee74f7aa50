/** Hourly OHLCV candles from cleaned market ticks, and the run/publish frame every derived-dataset job shares. */
package org.picu.jobs.candles;
