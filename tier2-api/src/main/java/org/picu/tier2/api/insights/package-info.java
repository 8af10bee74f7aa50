/** Insight endpoints over {@code crypto_insights}: recent insights, and a token-protected load of new ones. */
package org.picu.tier2.api.insights;
