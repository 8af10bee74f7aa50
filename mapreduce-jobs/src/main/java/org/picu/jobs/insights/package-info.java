/**
 * Insights from sentiment, candles and indicators: sentiment shift, volume spike and trend reversal, with severities.
 */
package org.picu.jobs.insights;
