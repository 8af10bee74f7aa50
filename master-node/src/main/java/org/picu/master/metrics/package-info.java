/** The orchestrator daemon's Prometheus metrics: job runs and durations, cycles, freshness per dataset. */
package org.picu.master.metrics;
