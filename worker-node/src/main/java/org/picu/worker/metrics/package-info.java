/** The worker daemon's Prometheus metrics: crawl requests, records, rejects, runs, spool backlog and uploads. */
package org.picu.worker.metrics;
