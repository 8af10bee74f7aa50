/**
 * {@code clean-fear-greed}: validate and deduplicate crawled Fear &amp; Greed readings into the {@code fear_greed}
 * dataset.
 */
package org.picu.jobs.clean.feargreed;
