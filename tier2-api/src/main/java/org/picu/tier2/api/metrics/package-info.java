/** Prometheus metrics at {@code /metrics}: request counts and latencies per route, the pool, the load ledger. */
package org.picu.tier2.api.metrics;
