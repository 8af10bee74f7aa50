/** {@code /api/alerts}: the configured price and indicator thresholds evaluated against the latest values. */
package org.picu.tier2.api.alerts;
