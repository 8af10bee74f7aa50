/**
 * {@code clean-market}: validate, normalise to UTC and deduplicate crawled market ticks into the {@code market_ticks}
 * dataset.
 */
package org.picu.jobs.clean.market;
